using System.Text;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Opening a delimited part: skipping junk lines at the top, picking the delimiter from a sample of
/// lines, and reading (or taking) the column names, with precise errors for a missing, mismatched or
/// malformed header, and a warning for a single column whose lines look delimited.
/// </summary>
internal sealed partial class DelimitedBatchReader
{
    /// <summary>Opens UTF-8 text: skips junk lines, picks the delimiter and reads (or takes) the column names.</summary>
    public static DelimitedBatchReader Open(Stream utf8, DatasetConfig config, string source, int blockSize = DefaultBlockSize)
    {
        var reader = new DelimitedBatchReader(utf8, source, blockSize);
        try
        {
            reader.Start(config);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private void Start(DatasetConfig config)
    {
        Fill();
        for (var i = 0; i < config.SkipLines; i++)
        {
            int k;
            while ((k = _buffer.AsSpan(_pos, _length - _pos).IndexOf((byte)'\n')) < 0 && !_eof) Refill();
            if (k < 0)
            {
                if (_pos < _length) { _line++; _lines.Skipped++; }
                _pos = _length;
                break;
            }
            _pos += k + 1;
            _line++;
            _lines.Skipped++;
        }
        var quote = QuoteSetting.Parse(config.Quote, "quote");
        var sample = SampleLines(20);
        _delimiter = (byte)DelimiterSniffer.Resolve(config, sample, _source);
        if (quote == (char)_delimiter) throw RecurException.Invalid($"{_source}: the quote character '{quote}' is also the delimiter (set quote: none, or another delimiter)", "quote");
        _quote = quote is { } q ? (byte)q : (byte)'\n';
        _stops = new StopFinder(_delimiter, _quote);
        var (line0, blank0, merged0) = (_line, _lines.Blank, _lines.Merged);
        Names = ReadNames(config);
        _lines.Header = _line - line0 - (_lines.Blank - blank0);
        _lines.Merged = merged0;
        _extra.Length = 0;
        if (Names.Count == 1 && DelimiterSniffer.SingleColumnHint(sample, quote) is { } hint)
        {
            var shown = hint.Delimiter == '\t' ? "\\t" : hint.Delimiter.ToString();
            _lines.Warnings.Add($"{_source}: read as a single column, but {hint.Lines} of its first {sample.Count(l => l.Length > 0)} lines split into {hint.Fields} fields on '{shown}': "
                + $"set delimiter: '{shown}' (--delimiter '{shown}')" + (config.Header ? ", and header: false with columns: if the first line is data" : ""));
        }
    }

    // Up to `count` lines from the current position, decoded strictly, for sniffing the delimiter.
    private List<string> SampleLines(int count)
    {
        var lines = new List<string>();
        var p = _pos;
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        while (lines.Count < count && p < _length)
        {
            var k = _buffer.AsSpan(p, _length - p).IndexOf((byte)'\n');
            var end = k < 0 ? _length : p + k;
            if (k < 0 && !_eof) break;
            var text = _buffer.AsSpan(p, end - p);
            if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
            try
            {
                lines.Add(strict.GetString(text));
            }
            catch (DecoderFallbackException)
            {
                throw NotUtf8(_line + lines.Count + 1);
            }
            p = end + 1;
        }
        return lines;
    }

    private string[] ReadNames(DatasetConfig config)
    {
        string[] names;
        if (config.Header)
        {
            var status = NextRecord(out _, out _, out var headerLine);
            while (status == Status.NeedMore) { Refill(); status = NextRecord(out _, out _, out headerLine); }
            if (status == Status.End) throw RecurException.Invalid($"{_source}: the file is empty (expected a header line)", "source");
            names = new string[_fields];
            for (var f = 0; f < _fields; f++)
            {
                try
                {
                    names[f] = Encoding.UTF8.GetString(FieldSpan(f)).Trim();
                }
                catch (DecoderFallbackException)
                {
                    throw NotUtf8(headerLine);
                }
            }
            if (config.Columns is { Count: > 0 } declared && !declared.SequenceEqual(names))
            {
                throw RecurException.Invalid($"{_source}: line {headerLine}: the header ({string.Join(",", names)}) does not match the declared columns ({string.Join(",", declared)})", "columns");
            }
        }
        else
        {
            names = config.Columns?.ToArray() ?? throw RecurException.Invalid($"{_source}: 'header: false' needs 'columns:' to name the columns", "columns");
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0) throw RecurException.Invalid($"{_source}: column {i + 1} has an empty name", "columns");
        }
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var noHeader = config.Header ? " (if the first line is data, set header: false and name the columns with columns:)" : "";
            throw RecurException.Invalid($"{_source}: column '{duplicate.Key}' appears twice{noHeader}", "columns");
        }
        return names;
    }
}
