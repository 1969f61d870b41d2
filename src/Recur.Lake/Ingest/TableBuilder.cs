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
/// separators, a decimal comma); nothing is coerced silently. Each value is parsed once, and columns
/// are typed in parallel; the result does not depend on scheduling.
/// </summary>
public static partial class TableBuilder
{
    /// <summary>Builds the typed table.</summary>
    public static ParsedTable Build(RawTable raw, DatasetConfig config, string sourceName)
    {
        if (raw.Rows.Count == 0 && raw.Quarantined.Count == 0) throw RecurException.Invalid($"{sourceName}: the source holds no data rows", "source");
        var names = raw.Names;
        foreach (var name in config.Types.Keys.Where(k => !names.Contains(k)))
        {
            throw RecurException.Invalid($"types.{name}: no such column in {sourceName}", $"types.{name}");
        }
        var declared = names.Select(n => config.Types.TryGetValue(n, out var t)
            ? ColumnTypeNames.Parse(t) ?? throw RecurException.Invalid($"types.{n}: unknown type '{t}' (use integer, real or text)", $"types.{n}")
            : (ColumnType?)null).ToArray();

        var parsed = new ParsedColumn[names.Count];
        Parallel.For(0, names.Count, c => parsed[c] = ParsedColumn.Parse(raw.Rows, c, declared[c]));

        var quarantined = new List<QuarantinedRow>(raw.Quarantined);
        var kept = new List<int>(raw.Rows.Count);
        for (var r = 0; r < raw.Rows.Count; r++)
        {
            var bad = Array.FindIndex(parsed, p => p.Fails(r));
            if (bad < 0) { kept.Add(r); continue; }
            var row = raw.Rows[r];
            var value = row.Values[bad]!;
            var what = parsed[bad].Type == ColumnType.Integer ? "an integer" : "a number";
            quarantined.Add(new(row.Source, row.Line, $"column '{names[bad]}' (field {bad + 1}): '{value}' is not {what}{Hint(value)}",
                row.Raw ?? string.Join(",", row.Values.Select(v => v ?? ""))));
        }
        var columns = new DataColumn[names.Count];
        Parallel.For(0, names.Count, c => columns[c] = parsed[c].Build(names[c], raw.Rows, kept));
        quarantined.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source) is var s and not 0 ? s : a.Line.CompareTo(b.Line));
        return new ParsedTable(new DataTable(columns), quarantined);
    }

    private static string Hint(string value) =>
        ThousandsSeparated().IsMatch(value) ? " (it looks like a number with thousands separators; write it without them)"
        : DecimalComma().IsMatch(value) ? " (it looks like a decimal comma; write '.' for decimals)"
        : "";

    [GeneratedRegex(@"^[-+]?\d{1,3}([,.' ]\d{3})+([.,]\d+)?$")]
    private static partial Regex ThousandsSeparated();

    [GeneratedRegex(@"^[-+]?\d+,\d+$")]
    private static partial Regex DecimalComma();

    /// <summary>One column's values parsed once: numbers, whether each was an integer, and the column's type.</summary>
    private sealed class ParsedColumn
    {
        private double[] _numbers = [];
        private bool[] _fails = [];
        private int _index;

        public ColumnType Type { get; private set; }

        public bool Fails(int row) => _fails.Length > 0 && _fails[row];

        public static ParsedColumn Parse(List<RawRow> rows, int c, ColumnType? declared)
        {
            var column = new ParsedColumn { _index = c };
            if (declared == ColumnType.Text) { column.Type = ColumnType.Text; return column; }
            var numbers = new double[rows.Count];
            var integer = new bool[rows.Count];
            long present = 0, integers = 0, reals = 0;
            // Past this many non-numbers the column is text whatever the remaining rows hold, so stop parsing.
            var textBeyond = declared is null ? (long)((1 - TypeInference.NumericShare) * rows.Count) + 1 : long.MaxValue;
            for (var r = 0; r < rows.Count; r++)
            {
                numbers[r] = double.NaN;
                if (rows[r].Values[c] is not { } value) continue;
                present++;
                if (TypeInference.TryInteger(value, out var l)) { numbers[r] = l; integer[r] = true; integers++; }
                else if (TypeInference.TryReal(value, out var d)) { numbers[r] = d; reals++; }
                else if (present - integers - reals >= textBeyond) { column.Type = ColumnType.Text; return column; }
            }
            column.Type = declared ?? (present == 0 ? ColumnType.Text
                : integers >= TypeInference.NumericShare * present && reals == 0 ? ColumnType.Integer
                : integers + reals >= TypeInference.NumericShare * present ? ColumnType.Real
                : ColumnType.Text);
            if (column.Type == ColumnType.Text) return column;
            column._numbers = numbers;
            column._fails = new bool[rows.Count];
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Values[c] is null) continue;
                column._fails[r] = double.IsNaN(numbers[r]) || (column.Type == ColumnType.Integer && !integer[r]);
            }
            return column;
        }

        public DataColumn Build(string name, List<RawRow> rows, List<int> kept)
        {
            var nullable = false;
            if (Type == ColumnType.Text)
            {
                var texts = new string?[kept.Count];
                for (var i = 0; i < texts.Length; i++) nullable |= (texts[i] = rows[kept[i]].Values[_index]) is null;
                return new TextColumn(new ColumnSpec(name, Type, nullable), texts);
            }
            var values = new double[kept.Count];
            for (var i = 0; i < values.Length; i++) nullable |= double.IsNaN(values[i] = _numbers[kept[i]]);
            return new NumericColumn(new ColumnSpec(name, Type, nullable), values);
        }
    }
}
