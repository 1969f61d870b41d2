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
        if (Fixed(text) is { } ticks) return ticks;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)) return time.Ticks;
        return null;
    }

    // The common yyyy-MM-dd HH:mm:ss[.fffffff] (or with T) read digit by digit: DateTime.TryParse costs most of a
    // million-row window pass. Anything else, or an impossible date, falls through to DateTime.TryParse.
    private static long? Fixed(string text)
    {
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not (' ' or 'T') || text[13] != ':' || text[16] != ':') return null;
        if (Digits(text, 0, 4) is not { } year || Digits(text, 5, 2) is not { } month || Digits(text, 8, 2) is not { } day
            || Digits(text, 11, 2) is not { } hour || Digits(text, 14, 2) is not { } minute || Digits(text, 17, 2) is not { } second) return null;
        long fraction = 0;
        if (text.Length > 19)
        {
            if (text[19] != '.' || text.Length == 20 || text.Length > 27 || Digits(text, 20, text.Length - 20) is not { } f) return null;
            fraction = f;
            for (var i = text.Length - 20; i < 7; i++) fraction *= 10;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
        return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction;
    }

    private static int? Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9) return null;
            value = value * 10 + d;
        }
        return value;
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
