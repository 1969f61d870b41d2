using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads delimited UTF-8 text in blocks and splits it into <see cref="FieldBatch"/>es without making
/// strings: fields are spans of the block. Quoting follows RFC 4180 (a quoted field may hold
/// delimiters, doubled quotes and line breaks); blank lines are skipped; line numbers count every
/// physical line. A record with the wrong number of fields is quarantined with its line. Memory is
/// bounded by the block size and the batch size, whatever the size of the file.
/// </summary>
internal sealed class DelimitedBatchReader : IPartReader
{
    /// <summary>Bytes read at a time (a record longer than this gets a larger block).</summary>
    public const int DefaultBlockSize = 1 << 23;

    private readonly int _blockSize;

    private readonly Stream _stream;
    private readonly string _source;
    private byte _delimiter;
    private SearchValues<byte> _stops = null!;
    private byte[] _buffer;
    private int _length;
    private int _pos;
    private bool _eof;
    private long _line;
    private byte[] _extra = new byte[1024];
    private int _extraLength;
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _fields;
    private PartLayout _layout = null!;
    private int _chunk = int.MinValue;
    private uint _mask;

    private enum Status { Record, NeedMore, End }

    private DelimitedBatchReader(Stream stream, string source, int blockSize)
    {
        _stream = stream;
        _source = source;
        _blockSize = blockSize;
        _buffer = new byte[blockSize];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names { get; private set; } = [];

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

    /// <inheritdoc />
    public void Layout(PartLayout layout) => _layout = layout;

    private void Start(DatasetConfig config)
    {
        Fill();
        for (var i = 0; i < config.SkipLines; i++)
        {
            int k;
            while ((k = _buffer.AsSpan(_pos, _length - _pos).IndexOf((byte)'\n')) < 0 && !_eof) Refill();
            if (k < 0) { _pos = _length; break; }
            _pos += k + 1;
            _line++;
        }
        _delimiter = (byte)DelimiterSniffer.Resolve(config, SampleLines(20), _source);
        _stops = SearchValues.Create(_delimiter, (byte)'\n', (byte)'"');
        Names = ReadNames(config);
        _extraLength = 0;
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
        if (duplicate is not null) throw RecurException.Invalid($"{_source}: column '{duplicate.Key}' appears twice", "columns");
        return names;
    }

    /// <inheritdoc />
    public FieldBatch? Next()
    {
        var layout = _layout;
        var batch = new FieldBatch(_source, layout.Width, layout.Capacity) { Data = _buffer };
        var first = _pos;
        var status = Status.Record;
        var constants = WriteConstants(batch, layout);
        while (batch.Rows < batch.Capacity)
        {
            status = NextRecord(out var recordStart, out var recordEnd, out var line);
            if (status == Status.End) break;
            if (status == Status.NeedMore)
            {
                // A batch never spans two blocks: end it here, or move on to the next block when it is empty.
                if (batch.Rows > 0 || batch.Quarantined.Count > 0) break;
                Refill();
                batch.Data = _buffer;
                first = _pos;
                continue;
            }
            if (_fields != layout.Map.Length)
            {
                var raw = Encoding.UTF8.GetString(_buffer, recordStart, recordEnd - recordStart);
                batch.Quarantined.Add(new(_source, line, $"expected {layout.Map.Length} fields, found {_fields}", raw));
                continue;
            }
            var r = batch.Rows++;
            for (var f = 0; f < _fields; f++)
            {
                var at = layout.Map[f] * batch.Capacity + r;
                batch.Starts[at] = _starts[f];
                batch.Lengths[at] = _lengths[f];
            }
            foreach (var c in layout.Absent) batch.Lengths[c * batch.Capacity + r] = -1;
            foreach (var (c, start, length) in constants)
            {
                batch.Starts[c * batch.Capacity + r] = start;
                batch.Lengths[c * batch.Capacity + r] = length;
            }
            batch.Lines[r] = line;
            batch.RecordStarts[r] = recordStart;
            batch.RecordEnds[r] = recordEnd;
        }
        if (batch.Rows == 0 && batch.Quarantined.Count == 0) return null;
        CheckUtf8(batch, first, _pos);
        batch.Extra = _extra;
        _extra = new byte[Math.Max(1024, _extraLength)];
        _extraLength = 0;
        return batch;
    }

    private List<(int Column, int Start, int Length)> WriteConstants(FieldBatch batch, PartLayout layout)
    {
        var written = new List<(int, int, int)>(layout.Constants.Count);
        foreach (var (column, value) in layout.Constants)
        {
            var start = _extraLength;
            foreach (var b in Encoding.UTF8.GetBytes(value)) AppendExtra(b);
            written.Add((column, ~start, _extraLength - start));
        }
        return written;
    }

    private void CheckUtf8(FieldBatch batch, int from, int to)
    {
        var span = batch.Data.AsSpan(from, to - from);
        if (Utf8.IsValid(span)) return;
        Utf8.ToUtf16(span, new char[span.Length], out var valid, out _, replaceInvalidSequences: false);
        var offset = from + valid;
        var line = _line;
        for (var r = 0; r < batch.Rows; r++)
        {
            if (batch.RecordStarts[r] > offset) break;
            line = batch.Lines[r] + batch.Data.AsSpan(batch.RecordStarts[r], offset - batch.RecordStarts[r]).Count((byte)'\n');
        }
        throw NotUtf8(line);
    }

    private RecurException NotUtf8(long line) =>
        RecurException.Invalid($"{_source}: line {line}: bytes that are not valid UTF-8 (is the file Latin-1? set encoding: latin1)", "encoding");

    // Splits the next non-blank record into _starts/_lengths. Nothing is consumed on NeedMore.
    private Status NextRecord(out int recordStart, out int recordEnd, out long line)
    {
        var buf = _buffer;
        var len = _length;
        var p = _pos;
        recordStart = recordEnd = 0;
        line = 0;
        while (p < len && (buf[p] == '\n' || (buf[p] == '\r' && p + 1 < len && buf[p + 1] == '\n')))
        {
            p += buf[p] == '\n' ? 1 : 2;
            _line++;
        }
        _pos = p;
        if (p >= len || (p == len - 1 && buf[p] == '\r')) return _eof ? Status.End : Status.NeedMore;

        long lines = 0;
        _fields = 0;
        var extraMark = _extraLength;
        recordStart = p;
        line = _line + 1;
        var fieldStart = p;
        while (true)
        {
            var stop = NextStop(buf, p, len);
            if (stop < 0)
            {
                if (!_eof) return NeedMore(extraMark);
                recordEnd = len > fieldStart && buf[len - 1] == '\r' ? len - 1 : len;
                AddField(fieldStart, recordEnd - fieldStart);
                p = len;
                break;
            }
            p = stop;
            var b = buf[p];
            if (b == _delimiter)
            {
                AddField(fieldStart, p - fieldStart);
                fieldStart = ++p;
                continue;
            }
            if (b == '\n')
            {
                recordEnd = p > fieldStart && buf[p - 1] == '\r' ? p - 1 : p;
                AddField(fieldStart, recordEnd - fieldStart);
                p++;
                lines++;
                break;
            }
            if (!IsBlank(buf.AsSpan(fieldStart, p - fieldStart))) { p++; continue; }
            var quoted = Quoted(buf, len, ref p, ref lines);
            if (quoted == Status.NeedMore) return NeedMore(extraMark);
            if (quoted == Status.End)
            {
                throw RecurException.Invalid($"{_source}: line {line}: a quoted field is never closed (the file ends inside quotes)", "source");
            }
            if (p >= len) { recordEnd = p; break; }
            if (buf[p] == _delimiter) { fieldStart = ++p; continue; }
            recordEnd = p > recordStart && buf[p - 1] == '\r' ? p - 1 : p;
            p++;
            lines++;
            break;
        }
        _pos = p;
        _line += lines;
        return Status.Record;
    }

    // The next delimiter, newline or quote at or after p, or -1. Fields are short, so rather than a
    // search call per field, one 32-byte comparison yields a bit mask of every stop in the chunk, and
    // the stops are taken from the mask one by one.
    private int NextStop(byte[] buf, int p, int len)
    {
        if (!Vector256.IsHardwareAccelerated) return Scan(buf, p, len);
        var chunk = _chunk;
        if (p < chunk || p >= chunk + 32)
        {
            if (p + 32 > len) return Scan(buf, p, len);
            chunk = p;
            _mask = Stops(buf, chunk);
        }
        while (true)
        {
            var shift = p - chunk;
            var mask = _mask & (uint.MaxValue << shift);
            if (mask != 0)
            {
                _chunk = chunk;
                return chunk + BitOperations.TrailingZeroCount(mask);
            }
            chunk += 32;
            p = chunk;
            if (chunk + 32 > len)
            {
                _chunk = int.MinValue;
                return Scan(buf, chunk, len);
            }
            _mask = Stops(buf, chunk);
        }
    }

    private int Scan(byte[] buf, int p, int len)
    {
        var k = buf.AsSpan(p, len - p).IndexOfAny(_stops);
        return k < 0 ? -1 : p + k;
    }

    private uint Stops(byte[] buf, int at)
    {
        var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(buf), (nuint)at);
        var stops = Vector256.Equals(bytes, Vector256.Create(_delimiter))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\n'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'"'));
        return stops.ExtractMostSignificantBits();
    }

    private Status NeedMore(int extraMark)
    {
        _extraLength = extraMark;
        _fields = 0;
        return Status.NeedMore;
    }

    // A quoted field from its opening quote at p: the unescaped text goes to the extra buffer. Leaves p
    // on the delimiter or newline that ends the field (or at the end of the data). End = never closed.
    private Status Quoted(byte[] buf, int len, ref int p, ref long lines)
    {
        var start = _extraLength;
        var inQuotes = true;
        p++;
        while (true)
        {
            if (inQuotes)
            {
                var k = buf.AsSpan(p, len - p).IndexOf((byte)'"');
                if (k < 0) return _eof ? Status.End : Status.NeedMore;
                lines += AppendQuoted(buf.AsSpan(p, k));
                p += k;
                if (p + 1 >= len && !_eof) return Status.NeedMore;
                if (p + 1 < len && buf[p + 1] == '"') { AppendExtra((byte)'"'); p += 2; continue; }
                inQuotes = false;
                p++;
                continue;
            }
            // After the closing quote, the bytes up to the delimiter or line end still belong to the field.
            if (p >= len) { if (!_eof) return Status.NeedMore; break; }
            var b = buf[p];
            if (b == _delimiter || b == '\n') break;
            if (b == '\r' && p + 1 >= len && !_eof) return Status.NeedMore;
            if (b == '\r' && p + 1 < len && buf[p + 1] == '\n') { p++; continue; }
            if (b == '"' && IsBlank(_extra.AsSpan(start, _extraLength - start)))
            {
                _extraLength = start;
                inQuotes = true;
                p++;
                continue;
            }
            AppendExtra(b);
            p++;
        }
        AddField(~start, _extraLength - start);
        return Status.Record;
    }

    // Appends quoted text, turning CRLF line breaks into LF; returns the line breaks it held.
    private int AppendQuoted(ReadOnlySpan<byte> text)
    {
        var breaks = text.Count((byte)'\n');
        EnsureExtra(text.Length);
        if (text.IndexOf((byte)'\r') < 0)
        {
            text.CopyTo(_extra.AsSpan(_extraLength));
            _extraLength += text.Length;
            return breaks;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            _extra[_extraLength++] = text[i];
        }
        return breaks;
    }

    private void AppendExtra(byte b)
    {
        EnsureExtra(1);
        _extra[_extraLength++] = b;
    }

    private void EnsureExtra(int more)
    {
        if (_extraLength + more > _extra.Length) Array.Resize(ref _extra, Math.Max(_extra.Length * 2, _extraLength + more));
    }

    private void AddField(int start, int length)
    {
        if (_fields == _starts.Length)
        {
            Array.Resize(ref _starts, _fields * 2);
            Array.Resize(ref _lengths, _fields * 2);
        }
        _starts[_fields] = start;
        _lengths[_fields] = length;
        _fields++;
    }

    private ReadOnlySpan<byte> FieldSpan(int f) =>
        _starts[f] >= 0 ? _buffer.AsSpan(_starts[f], _lengths[f]) : _extra.AsSpan(~_starts[f], _lengths[f]);

    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text) if (b is not ((byte)' ' or (byte)'\t')) return false;
        return true;
    }

    private void Fill()
    {
        while (_length < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (n == 0) { _eof = true; break; }
            _length += n;
        }
    }

    // Moves the unread tail into a fresh block (earlier batches keep the old one) and reads on.
    private void Refill()
    {
        var tail = _length - _pos;
        var next = new byte[Math.Max(_blockSize, tail * 2)];
        _buffer.AsSpan(_pos, tail).CopyTo(next);
        _buffer = next;
        _length = tail;
        _pos = 0;
        _chunk = int.MinValue;
        Fill();
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
