using System.Globalization;

namespace Recur.Core.Project;

/// <summary>The durations of <c>loop:</c>: a positive whole number and a unit, <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c> (<c>90s</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>).</summary>
public static class LoopDuration
{
    /// <summary>The duration, or null when the text is not one.</summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (text is not { Length: >= 2 }) return null;
        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0) return null;
        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => null,
        };
    }

    /// <summary>The duration; Invalid naming <paramref name="key"/> when the text is not one.</summary>
    public static TimeSpan Parse(string? text, string key) =>
        TryParse(text) ?? throw RecurException.Invalid($"recur.yaml: {key} '{text}' is not a duration (a whole number and s, m, h or d: 90s, 5m, 2h, 7d)", key);

    /// <summary>A duration the way recur.yaml writes it (the largest whole unit).</summary>
    public static string Format(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalSeconds:0}s";
}
