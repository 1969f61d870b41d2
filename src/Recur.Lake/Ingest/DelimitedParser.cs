using System.Text;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Parses a delimited text file into a typed table following a dataset's declaration: header or
/// declared names, junk lines skipped, fields trimmed, missing tokens, recodes, declared or inferred
/// types. Rows with the wrong number of fields or a value that does not fit the column's type are
/// quarantined with their line number and reason; the good rows are kept.
/// </summary>
public static class DelimitedParser
{
    /// <summary>Parses a file.</summary>
    public static ParsedTable ParseFile(string path, DatasetConfig config, string sourceName)
    {
        if (!File.Exists(path)) throw RecurException.Invalid($"{sourceName}: file not found", "source");
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Parse(reader, config, sourceName);
    }

    /// <summary>Parses text from a reader.</summary>
    public static ParsedTable Parse(TextReader text, DatasetConfig config, string sourceName)
    {
        if (config.Delimiter.Length != 1) throw RecurException.Invalid($"delimiter must be one character, got '{config.Delimiter}'", "delimiter");
        var csv = new CsvRecordReader(text, config.Delimiter[0], sourceName);
        csv.SkipLines(config.SkipLines);
        var names = ReadNames(csv, config, sourceName);
        var missing = new HashSet<string>(config.Missing, StringComparer.Ordinal) { "" };
        var recodes = names.Select(n => config.Recode.GetValueOrDefault(n)).ToArray();
        var quarantined = new List<QuarantinedRow>();
        var rows = new List<(long Line, string Raw, string?[] Values)>();
        while (csv.Next() is { } record)
        {
            if (record.Fields.Length != names.Length)
            {
                quarantined.Add(new(sourceName, record.Line, $"expected {names.Length} fields, found {record.Fields.Length}", record.Raw));
                continue;
            }
            var values = new string?[names.Length];
            for (var c = 0; c < names.Length; c++)
            {
                var value = record.Fields[c].Trim();
                if (recodes[c] is { } recode && recode.TryGetValue(value, out var mapped)) value = mapped;
                values[c] = missing.Contains(value) ? null : value;
            }
            rows.Add((record.Line, record.Raw, values));
        }
        if (rows.Count == 0 && quarantined.Count == 0) throw RecurException.Invalid($"{sourceName}: the file holds no data rows", "source");
        return Build(names, rows, config, sourceName, quarantined);
    }

    private static string[] ReadNames(CsvRecordReader csv, DatasetConfig config, string sourceName)
    {
        string[] names;
        if (config.Header)
        {
            var header = csv.Next() ?? throw RecurException.Invalid($"{sourceName}: the file is empty (expected a header line)", "source");
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

    private static ParsedTable Build(string[] names, List<(long Line, string Raw, string?[] Values)> rows, DatasetConfig config, string sourceName, List<QuarantinedRow> quarantined)
    {
        var types = new ColumnType[names.Length];
        for (var c = 0; c < names.Length; c++)
        {
            if (config.Types.TryGetValue(names[c], out var declared))
            {
                types[c] = ColumnTypeNames.Parse(declared) ?? throw RecurException.Invalid($"types.{names[c]}: unknown type '{declared}' (use integer, real or text)", $"types.{names[c]}");
            }
            else
            {
                var column = c;
                types[c] = TypeInference.Infer(rows.Select(r => r.Values[column]));
            }
        }
        foreach (var name in config.Types.Keys.Where(k => !names.Contains(k)))
        {
            throw RecurException.Invalid($"types.{name}: no such column in {sourceName}", $"types.{name}");
        }

        var numbers = new double[names.Length][];
        var kept = new List<int>(rows.Count);
        var parsed = new double[names.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            var reason = ParseNumbers(rows[r].Values, names, types, parsed);
            if (reason is null) { kept.Add(r); continue; }
            quarantined.Add(new(sourceName, rows[r].Line, reason, rows[r].Raw));
        }
        var columns = new DataColumn[names.Length];
        for (var c = 0; c < names.Length; c++)
        {
            var spec = new ColumnSpec(names[c], types[c], kept.Any(r => rows[r].Values[c] is null));
            if (types[c].IsNumeric())
            {
                numbers[c] = new double[kept.Count];
                for (var i = 0; i < kept.Count; i++)
                {
                    var value = rows[kept[i]].Values[c];
                    numbers[c][i] = value is null ? double.NaN : double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                }
                columns[c] = new NumericColumn(spec, numbers[c]);
            }
            else
            {
                columns[c] = new TextColumn(spec, kept.Select(r => rows[r].Values[c]).ToArray());
            }
        }
        quarantined.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ParsedTable(new DataTable(columns), quarantined);
    }

    private static string? ParseNumbers(string?[] values, string[] names, ColumnType[] types, double[] parsed)
    {
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is not { } value || !types[c].IsNumeric()) continue;
            if (types[c] == ColumnType.Integer && !TypeInference.TryInteger(value, out _))
            {
                return $"column '{names[c]}' (field {c + 1}): '{value}' is not an integer";
            }
            if (!TypeInference.TryReal(value, out parsed[c]))
            {
                return $"column '{names[c]}' (field {c + 1}): '{value}' is not a number (use '.' for decimals, no thousands separators)";
            }
        }
        return null;
    }
}
