using System.Globalization;
using System.Text.RegularExpressions;
using Recur.Core;

namespace Recur.Monitoring.Incremental;

/// <summary>
/// How monitoring cuts the log into windows: a fixed span of prediction time aligned on the Unix epoch
/// (<c>30m</c>, <c>1h</c>, <c>1d</c>, <c>7d</c>), or a fixed number of answered predictions in log order
/// (<c>1000 predictions</c>). A window is named by its index, so the same event always lands in the same window.
/// </summary>
public sealed partial record MonitoringWindow
{
    private MonitoringWindow(string text, TimeSpan? span, long? predictions)
    {
        Text = text;
        Span = span;
        Predictions = predictions;
    }

    /// <summary>The setting as written.</summary>
    public string Text { get; }

    /// <summary>The span of a time window; null for a count window.</summary>
    public TimeSpan? Span { get; }

    /// <summary>The size of a count window; null for a time window.</summary>
    public long? Predictions { get; }

    /// <summary>The default: one window per day.</summary>
    public static MonitoringWindow Day { get; } = Parse("1d", "monitoring.window");

    /// <summary>Parses <c>N(m|h|d)</c> or <c>N predictions</c>; Invalid naming <paramref name="setting"/> otherwise.</summary>
    public static MonitoringWindow Parse(string text, string setting)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            throw RecurException.Invalid($"{setting}: '{text}' is not a window (use 30m, 1h, 1d or '1000 predictions')", setting);
        }
        var unit = match.Groups["unit"].Value;
        if (unit.StartsWith('p')) return new(text.Trim(), null, n);
        var span = unit switch { "m" => TimeSpan.FromMinutes(n), "h" => TimeSpan.FromHours(n), _ => TimeSpan.FromDays(n) };
        if (span > TimeSpan.FromDays(366)) throw RecurException.Invalid($"{setting}: '{text}' is longer than a year", setting);
        return new(text.Trim(), span, null);
    }

    /// <summary>The index of the window holding a prediction logged at <paramref name="time"/>, the <paramref name="ordinal"/>-th (from 0) of the model.</summary>
    public long IndexOf(DateTimeOffset time, long ordinal)
    {
        if (Span is not { } span) return ordinal / Predictions!.Value;
        var (quotient, remainder) = Math.DivRem(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, span.Ticks);
        return remainder < 0 ? quotient - 1 : quotient; // floor, for times before 1970
    }

    /// <summary>The start and end of a time window (null for a count window).</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? TimeBounds(long index) =>
        Span is { } span ? (DateTimeOffset.UnixEpoch.AddTicks(index * span.Ticks), DateTimeOffset.UnixEpoch.AddTicks((index + 1) * span.Ticks)) : null;

    [GeneratedRegex("^(?<n>[0-9]+)\\s*(?<unit>m|h|d|predictions?)$")]
    private static partial Regex Pattern();
}
