using Recur.Core;
using Recur.Core.Data;
using Recur.Features.Windows.Internal;

namespace Recur.Features.Windows;

/// <summary>
/// The batch driver: a table of events → the same table, rows in the same order, with one real column per window
/// feature (for training data). Events are stepped per entity through the same state the live driver keeps, in a
/// defined order: by time, and rows with equal times (duplicates, or a clock that went back) in their row order — a
/// stable sort. Each row's features come from the events before it in that order, never from itself or later rows.
/// The live bounds (entity cap, idle time) do not apply: every entity keeps its whole history.
/// </summary>
public static class BatchWindows
{
    /// <summary>The table with the window columns appended; errors name the missing or non-numeric column and the bad row.</summary>
    public static DataTable Apply(DataTable table, WindowPlan plan)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plan);
        var features = Compute(table, plan);
        var columns = table.Columns.ToList();
        for (var i = 0; i < plan.Features.Count; i++)
        {
            var name = plan.Features[i].Name;
            if (table.Has(name)) throw RecurException.Invalid($"window feature '{name}' is already a column of the data", name);
            columns.Add(new NumericColumn(new ColumnSpec(name, ColumnType.Real), features[i]));
        }
        return new DataTable(columns);
    }

    /// <summary>The window features of every row, one array per feature in <see cref="WindowPlan.Features"/> order.</summary>
    public static double[][] Compute(DataTable table, WindowPlan plan)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(plan);
        var times = WindowTime.Of(Column(table, plan.Time, "time"));
        var entity = plan.By is null ? null : Column(table, plan.By, "by");
        var inputs = plan.Columns.Select(name => Column(table, name, "features") is NumericColumn numeric
            ? numeric.Values
            : throw RecurException.Invalid($"features.windows: column '{name}' is text; window aggregates need a numeric column", name)).ToArray();
        var output = plan.Features.Select(_ => new double[table.RowCount]).ToArray();
        var states = new Dictionary<string, EntityWindows>(StringComparer.Ordinal);
        Span<double> values = stackalloc double[inputs.Length];
        Span<double> row = stackalloc double[output.Length];
        foreach (var r in Order(times))
        {
            var key = entity is null ? "" : entity.Format(r) ?? "\0missing";
            if (!states.TryGetValue(key, out var windows)) states[key] = windows = new EntityWindows(plan);
            for (var c = 0; c < inputs.Length; c++) values[c] = inputs[c][r];
            windows.Observe(times[r], values, row);
            for (var f = 0; f < row.Length; f++) output[f][r] = row[f];
        }
        return output;
    }

    /// <summary>The rows in the drivers' order: by time, ties by row (a stable sort).</summary>
    public static int[] Order(long[] times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var order = Enumerable.Range(0, times.Length).ToArray();
        var sorted = true;
        for (var i = 1; i < times.Length && sorted; i++) sorted = times[i - 1] <= times[i];
        if (sorted) return order;
        Array.Sort(order, (a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));
        return order;
    }

    private static DataColumn Column(DataTable table, string name, string key) =>
        table.Has(name) ? table[name] : throw RecurException.Invalid($"features.windows.{key}: the data has no column '{name}' (columns: {string.Join(", ", table.Schema.Columns.Select(c => c.Name))})", name);
}
