using System.Text;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads delimited text into a <see cref="RawTable"/> following a dataset's declaration: header or
/// declared names, junk lines skipped, fields trimmed, missing tokens, recodes. Rows with the wrong
/// number of fields are quarantined with their line number; typing is left to <see cref="TableBuilder"/>.
/// </summary>
public static class DelimitedParser
{
    /// <summary>Parses a file into a typed table.</summary>
    public static ParsedTable ParseFile(string path, DatasetConfig config, string sourceName) =>
        TableBuilder.Build(ReadFile(path, config, sourceName), config, sourceName);

    /// <summary>Parses text into a typed table.</summary>
    public static ParsedTable Parse(TextReader text, DatasetConfig config, string sourceName) =>
        TableBuilder.Build(Read(text, config, sourceName), config, sourceName);

    /// <summary>Reads a file's rows, untyped.</summary>
    public static RawTable ReadFile(string path, DatasetConfig config, string sourceName)
    {
        if (!File.Exists(path)) throw RecurException.Invalid($"{sourceName}: file not found", "source");
        using var stream = File.OpenRead(path);
        return Read(SourceText.Open(stream, config.Encoding, sourceName), config, sourceName);
    }

    /// <summary>Reads rows from text, untyped.</summary>
    public static RawTable Read(TextReader text, DatasetConfig config, string sourceName)
    {
        var lookahead = new LookaheadReader(text);
        IReadOnlyList<string> first;
        try
        {
            first = lookahead.Peek(config.SkipLines, 20);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw RecurException.Invalid($"{sourceName}: within the first {config.SkipLines + 20} lines: bytes that are not valid UTF-8 (is the file Latin-1? set encoding: latin1)", "encoding");
        }
        var delimiter = DelimiterSniffer.Resolve(config, first, sourceName);
        var csv = new CsvRecordReader(lookahead, delimiter, sourceName);
        csv.SkipLines(config.SkipLines);
        var names = ReadNames(csv, config, sourceName);
        var missing = new HashSet<string>(config.Missing, StringComparer.Ordinal) { "" };
        var recodes = names.Select(n => config.Recode.GetValueOrDefault(n)).ToArray();
        var table = new RawTable(names);
        var pools = names.Select(_ => new ValuePool()).ToArray();
        while (NextRecord(csv, sourceName) is { } record)
        {
            if (record.Fields.Length != names.Length)
            {
                table.Quarantined.Add(new(sourceName, record.Line, $"expected {names.Length} fields, found {record.Fields.Length}", record.Raw));
                continue;
            }
            var values = new string?[names.Length];
            for (var c = 0; c < names.Length; c++)
            {
                var value = record.Fields[c].Trim();
                if (recodes[c] is { } recode && recode.TryGetValue(value, out var mapped)) value = mapped;
                values[c] = missing.Contains(value) ? null : pools[c].Share(value);
            }
            table.Rows.Add(new RawRow(sourceName, record.Line, null, values));
        }
        return table;
    }

    private static CsvRecord? NextRecord(CsvRecordReader csv, string sourceName)
    {
        try
        {
            return csv.Next();
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw RecurException.Invalid($"{sourceName}: line {csv.Line + 1}: bytes that are not valid UTF-8 (is the file Latin-1? set encoding: latin1)", "encoding");
        }
    }

    private static string[] ReadNames(CsvRecordReader csv, DatasetConfig config, string sourceName)
    {
        string[] names;
        if (config.Header)
        {
            var header = NextRecord(csv, sourceName) ?? throw RecurException.Invalid($"{sourceName}: the file is empty (expected a header line)", "source");
            names = header.Fields.Select(f => f.Trim()).ToArray();
            if (config.Columns is { Count: > 0 } declared && !declared.SequenceEqual(names))
            {
                throw RecurException.Invalid($"{sourceName}: line {header.Line}: the header ({string.Join(",", names)}) does not match the declared columns ({string.Join(",", declared)})", "columns");
            }
        }
        else
        {
            names = config.Columns?.ToArray() ?? throw RecurException.Invalid($"{sourceName}: 'header: false' needs 'columns:' to name the columns", "columns");
        }
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0) throw RecurException.Invalid($"{sourceName}: column {i + 1} has an empty name", "columns");
        }
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw RecurException.Invalid($"{sourceName}: column '{duplicate.Key}' appears twice", "columns");
        return names;
    }
}
