using System.Globalization;
using Recur.Core;
using Recur.Core.Data;

namespace Recur.Features.Windows;

/// <summary>
/// Event times as ticks (100 ns): a text column is read as a date-time in the invariant culture (<c>yyyy-MM-dd
/// HH:mm:ss</c>, ISO 8601; no zone means UTC), a numeric column as seconds. Every driver converts times here.
/// </summary>
public static class WindowTime
{
    /// <summary>A date-time text as ticks; null when it is not one.</summary>
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)) return time.Ticks;
        return null;
    }

    /// <summary>Seconds as ticks.</summary>
    public static long FromSeconds(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);

    /// <summary>Every row's time; a missing or unreadable one is an error naming the column and row (1-based).</summary>
    public static long[] Of(DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var ticks = new long[column.Length];
        for (var row = 0; row < ticks.Length; row++)
        {
            if (column is NumericColumn numeric)
            {
                var v = numeric.Values[row];
                ticks[row] = double.IsFinite(v) ? FromSeconds(v) : throw Bad(column.Name, row, null);
            }
            else
            {
                var text = column.Format(row);
                ticks[row] = Parse(text) ?? throw Bad(column.Name, row, text);
            }
        }
        return ticks;
    }

    private static RecurException Bad(string column, int row, string? text) => RecurException.Invalid(text is null
        ? $"row {row + 1}: the time column '{column}' is missing"
        : $"row {row + 1}: the time column '{column}' holds '{text}', not a date-time (yyyy-MM-dd HH:mm:ss) or seconds", column);
}
