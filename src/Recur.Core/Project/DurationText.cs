using System.Globalization;

namespace Recur.Core.Project;

/// <summary>Durations written as a whole number and a unit: <c>30s</c>, <c>5m</c>, <c>12h</c>, <c>7d</c>, <c>2w</c>.</summary>
public static class DurationText
{
    /// <summary>The duration, or null with <paramref name="problem"/> saying why the text is not one.</summary>
    public static TimeSpan? TryParse(string? text, out string? problem)
    {
        problem = null;
        var t = text?.Trim() ?? "";
        if (t.Length >= 2 && long.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000)
        {
            TimeSpan? span = t[^1] switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(7 * n),
                _ => null,
            };
            if (span is not null) return span;
        }
        problem = $"'{text}' is not a duration (a whole number and a unit s, m, h, d or w, e.g. 7d)";
        return null;
    }

    /// <summary>The duration; throws an invalid-input error naming <paramref name="key"/> when the text is not one.</summary>
    public static TimeSpan Parse(string? text, string key) =>
        TryParse(text, out var problem) ?? throw RecurException.Invalid($"{key}: {problem}", key);
}
