using System.Globalization;
using System.Text.RegularExpressions;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Types raw rows: declared types win, the others are inferred over all rows. A value that does not
/// fit its column's type sends the row to quarantine with the column, the value and a hint (thousands
/// separators, a decimal comma); nothing is coerced silently.
/// </summary>
public static partial class TableBuilder
{
    /// <summary>Builds the typed table.</summary>
    public static ParsedTable Build(RawTable raw, DatasetConfig config, string sourceName)
    {
        if (raw.Rows.Count == 0 && raw.Quarantined.Count == 0) throw RecurException.Invalid($"{sourceName}: the source holds no data rows", "source");
        var names = raw.Names;
        var types = new ColumnType[names.Count];
        for (var c = 0; c < names.Count; c++)
        {
            var column = c;
            types[c] = config.Types.TryGetValue(names[c], out var declared)
                ? ColumnTypeNames.Parse(declared) ?? throw RecurException.Invalid($"types.{names[c]}: unknown type '{declared}' (use integer, real or text)", $"types.{names[c]}")
                : TypeInference.Infer(raw.Rows.Select(r => r.Values[column]));
        }
        foreach (var name in config.Types.Keys.Where(k => !names.Contains(k)))
        {
            throw RecurException.Invalid($"types.{name}: no such column in {sourceName}", $"types.{name}");
        }

        var quarantined = new List<QuarantinedRow>(raw.Quarantined);
        var kept = new List<RawRow>(raw.Rows.Count);
        foreach (var row in raw.Rows)
        {
            if (Misfit(row.Values, names, types) is { } reason) quarantined.Add(new(row.Source, row.Line, reason, row.Raw));
            else kept.Add(row);
        }
        var columns = new DataColumn[names.Count];
        for (var c = 0; c < names.Count; c++)
        {
            var nullable = kept.Any(r => r.Values[c] is null);
            var spec = new ColumnSpec(names[c], types[c], nullable);
            if (types[c].IsNumeric())
            {
                var numbers = new double[kept.Count];
                for (var i = 0; i < kept.Count; i++)
                {
                    numbers[i] = kept[i].Values[c] is { } v ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
                }
                columns[c] = new NumericColumn(spec, numbers);
            }
            else
            {
                columns[c] = new TextColumn(spec, kept.Select(r => r.Values[c]).ToArray());
            }
        }
        quarantined.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source) is var s and not 0 ? s : a.Line.CompareTo(b.Line));
        return new ParsedTable(new DataTable(columns), quarantined);
    }

    private static string? Misfit(string?[] values, List<string> names, ColumnType[] types)
    {
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c] is not { } value || !types[c].IsNumeric()) continue;
            if (types[c] == ColumnType.Integer && !TypeInference.TryInteger(value, out _))
            {
                return $"column '{names[c]}' (field {c + 1}): '{value}' is not an integer{Hint(value)}";
            }
            if (!TypeInference.TryReal(value, out _))
            {
                return $"column '{names[c]}' (field {c + 1}): '{value}' is not a number{Hint(value)}";
            }
        }
        return null;
    }

    private static string Hint(string value) =>
        ThousandsSeparated().IsMatch(value) ? " (it looks like a number with thousands separators; write it without them)"
        : DecimalComma().IsMatch(value) ? " (it looks like a decimal comma; write '.' for decimals)"
        : "";

    [GeneratedRegex(@"^[-+]?\d{1,3}([,.' ]\d{3})+([.,]\d+)?$")]
    private static partial Regex ThousandsSeparated();

    [GeneratedRegex(@"^[-+]?\d+,\d+$")]
    private static partial Regex DecimalComma();
}
