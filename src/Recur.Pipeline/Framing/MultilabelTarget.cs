using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Pipeline.Framing;

/// <summary>
/// framing.multilabel with <c>columns:</c>: several 0/1 columns declared as one target become the list column the
/// label names (each row's labels joined by the separator), and leave the inputs. Applied to every table a model is
/// trained or evaluated on, before the plan is built; a list column (<c>column:</c>) passes through unchanged.
/// </summary>
public static class MultilabelTarget
{
    /// <summary>The rows with the declared 0/1 columns replaced by the label's list column; the rows as they are otherwise.</summary>
    public static DataTable Apply(ProjectConfig config, DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rows);
        var m = config.Framing.Multilabel;
        if (m.Columns.Count == 0) return rows;
        const string key = "framing.multilabel.columns";
        if (rows.Has(config.Label)) throw RecurException.Invalid($"{key}: the data already has a column '{config.Label}', the name of the target built from the 0/1 columns; name the label otherwise", "label");
        var values = new bool[rows.RowCount][];
        for (var r = 0; r < values.Length; r++) values[r] = new bool[m.Columns.Count];
        for (var k = 0; k < m.Columns.Count; k++)
        {
            var name = m.Columns[k];
            if (!rows.Has(name)) throw RecurException.Invalid($"{key}: no column named '{name}' in the data (columns: {string.Join(", ", rows.Columns.Select(c => c.Name).Take(12))})", key);
            var column = rows[name];
            var ones = 0;
            for (var r = 0; r < rows.RowCount; r++)
            {
                values[r][k] = Bit(column, r) ?? throw RecurException.Invalid(
                    $"{key}: column '{name}' holds {(column.Format(r) is { } v ? $"'{v}'" : "no value")} in row {r + 1} of the data (line {r + 2} of a file with a header row); a label column holds 0 or 1", key);
                if (values[r][k]) ones++;
            }
            if (ones == 0 || ones == rows.RowCount)
            {
                throw RecurException.Invalid($"{key}: label '{name}' is {(ones == 0 ? 0 : 1)} in every one of the {rows.RowCount} rows, so it has one class; drop it or give rows where it is {(ones == 0 ? 1 : 0)}", key);
            }
        }
        var order = m.Columns.Select((c, k) => (c, k)).OrderBy(p => p.c, StringComparer.Ordinal).ToList();
        var target = new TextColumn(new ColumnSpec(config.Label, ColumnType.Text),
            [.. values.Select(v => (string?)string.Join(m.Separator, order.Where(p => v[p.k]).Select(p => p.c)))]);
        var declared = m.Columns.ToHashSet(StringComparer.Ordinal);
        return new DataTable([.. rows.Columns.Where(c => !declared.Contains(c.Name)), target]);
    }

    // 0/1 (numbers, or the text 0/1/true/false); null for anything else.
    private static bool? Bit(DataColumn column, int row)
    {
        if (column is NumericColumn n) return n.Values[row] switch { 0 => false, 1 => true, _ => null };
        return column.Format(row)?.Trim().ToLowerInvariant() switch
        {
            "0" or "false" => false,
            "1" or "true" => true,
            _ => null,
        };
    }
}
