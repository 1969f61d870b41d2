using Recur.Core;
using Recur.Core.Data;

namespace Recur.Lake.Bridging;

/// <summary>What a bridge did.</summary>
public sealed record BridgeOutcome(DataTable Table, long BridgedRows, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Probabilities);

/// <summary>
/// Bridged Schema: when a categorical column's values change (card becomes credit, debit or gift), old
/// rows are mapped onto the new values with the probabilities observed in the new data, so old and new
/// rows can train together. Every row gets a <see cref="BridgedColumn"/> marker (1 = bridged). The
/// draws come from a seeded generator over the rows in order, so the same inputs give the same table.
/// </summary>
public static class SchemaBridge
{
    /// <summary>The marker column added to the output.</summary>
    public const string BridgedColumn = "_bridged";

    /// <summary>Old rows (bridged) followed by new rows, with the marker column.</summary>
    public static BridgeOutcome Bridge(DataTable old, DataTable @new, string column, IReadOnlyDictionary<string, List<string>> map, int seed)
    {
        foreach (var c in old.Columns)
        {
            if (!@new.Has(c.Name)) throw RecurException.Invalid($"bridge: column '{c.Name}' is in the old data but not the new", "bridges");
            if (@new[c.Name].Spec.Type != c.Spec.Type) throw RecurException.Invalid($"bridge: column '{c.Name}' is {c.Spec.Type.ToName()} in the old data and {@new[c.Name].Spec.Type.ToName()} in the new", "bridges");
        }
        if (@new.Columns.Count != old.Columns.Count) throw RecurException.Invalid("bridge: the new data has columns the old data lacks; bridge one column at a time", "bridges");
        if (old[column] is not TextColumn oldValues || @new[column] is not TextColumn newValues)
        {
            throw RecurException.Invalid($"bridge: column '{column}' must be a text (categorical) column in both datasets", "bridges.column");
        }
        var counts = newValues.Values.OfType<string>().GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count(), StringComparer.Ordinal);
        var probabilities = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var (from, targets) in map)
        {
            var unseen = targets.FirstOrDefault(t => !counts.ContainsKey(t));
            if (unseen is not null) throw RecurException.Invalid($"bridge: '{from}' maps to '{unseen}', which never occurs in the new data, so its probability is unknown", $"bridges.map.{from}");
            var total = targets.Sum(t => counts[t]);
            probabilities[from] = targets.ToDictionary(t => t, t => counts[t] / total);
        }

        var random = new Random(seed);
        var bridged = new string?[oldValues.Length];
        long changed = 0;
        for (var r = 0; r < bridged.Length; r++)
        {
            var value = oldValues.Values[r];
            if (value is null || !probabilities.TryGetValue(value, out var p)) { bridged[r] = value; continue; }
            bridged[r] = Draw(p, random.NextDouble());
            changed++;
        }
        var marker = new double[old.RowCount + @new.RowCount];
        for (var r = 0; r < old.RowCount; r++) marker[r] = probabilities.ContainsKey(oldValues.Values[r] ?? "\0") ? 1 : 0;
        var oldBridged = new DataTable(old.Columns.Select(c => c.Name == column ? new TextColumn(c.Spec, bridged) : c).ToArray());
        var union = DataTable.Concat(oldBridged, @new);
        var output = new DataTable([.. union.Columns, new NumericColumn(new ColumnSpec(BridgedColumn, ColumnType.Integer, false), marker)]);
        return new BridgeOutcome(output, changed, probabilities);
    }

    private static string Draw(IReadOnlyDictionary<string, double> p, double u)
    {
        var cumulative = 0.0;
        string? last = null;
        foreach (var (value, probability) in p.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            cumulative += probability;
            last = value;
            if (u < cumulative) return value;
        }
        return last!;
    }
}
