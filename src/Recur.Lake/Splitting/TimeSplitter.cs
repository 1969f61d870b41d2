using System.Globalization;
using Recur.Core;
using Recur.Core.Data;

namespace Recur.Lake.Splitting;

/// <summary>
/// Splits by time: rows are ordered by a date or number column and the latest share goes to
/// validation, so the model is always judged on a future it has not seen. Rows tied at the cut stay
/// together (in validation); rows without a time are an error, not silently dropped.
/// </summary>
public static class TimeSplitter
{
    /// <summary>Train and validation row indices.</summary>
    public static (List<int> Train, List<int> Validation) Split(DataTable table, string column, double validationShare)
    {
        if (!table.Has(column)) throw RecurException.Invalid($"split.time: no column named '{column}'", "split.time");
        var times = Times(table[column]);
        var order = Enumerable.Range(0, table.RowCount).OrderBy(r => times[r]).ThenBy(r => r).ToList();
        var cut = times[order[Math.Clamp((int)Math.Floor(order.Count * (1 - validationShare)), 0, order.Count - 1)]];
        var train = order.Where(r => times[r] < cut).Order().ToList();
        var validation = order.Where(r => times[r] >= cut).Order().ToList();
        return (train, validation);
    }

    /// <summary>A column's values as sortable instants: numbers as is, text parsed as dates (invariant).</summary>
    public static double[] Times(DataColumn column)
    {
        var times = new double[column.Length];
        for (var r = 0; r < times.Length; r++)
        {
            times[r] = column switch
            {
                NumericColumn n when !double.IsNaN(n.Values[r]) => n.Values[r],
                TextColumn t when t.Values[r] is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d.UtcTicks,
                _ => throw RecurException.Invalid($"split.time: row {r + 1} of '{column.Name}' has no readable time ('{column.Format(r)}')", "split.time"),
            };
        }
        return times;
    }
}
