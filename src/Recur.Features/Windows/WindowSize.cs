using System.Globalization;
using Recur.Core;

namespace Recur.Features.Windows;

/// <summary>What a window's length counts: time or events.</summary>
public enum WindowUnit
{
    /// <summary>A length of time, in ticks (100 ns).</summary>
    Time,

    /// <summary>A number of events.</summary>
    Events,
}

/// <summary>
/// A window's length as written in recur.yaml: a time (<c>30s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>) or a number of
/// events (<c>50 events</c>).
/// </summary>
/// <param name="Unit">Time or events.</param>
/// <param name="Amount">Ticks (100 ns) for a time, a count for events; always positive.</param>
public readonly record struct WindowSize(WindowUnit Unit, long Amount)
{
    private static readonly Dictionary<string, long> TicksPerUnit = new(StringComparer.Ordinal)
    {
        ["s"] = TimeSpan.TicksPerSecond,
        ["m"] = TimeSpan.TicksPerMinute,
        ["h"] = TimeSpan.TicksPerHour,
        ["d"] = TimeSpan.TicksPerDay,
    };

    /// <summary>Whether the length is a time.</summary>
    public bool IsTime => Unit == WindowUnit.Time;

    /// <summary>Reads <paramref name="text"/>; an error names <paramref name="key"/> and says what is accepted.</summary>
    public static WindowSize Parse(string? text, string key)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) throw RecurException.Invalid($"{key} is missing: give a time (30s, 15m, 1h, 7d) or a number of events (50 events)", key);
        var parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[1] is "events" or "event")
        {
            if (!long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)) throw Bad(trimmed, key);
            if (count <= 0) throw RecurException.Invalid($"{key}: '{trimmed}' must be a positive number of events", key);
            return new WindowSize(WindowUnit.Events, count);
        }
        if (parts.Length == 1 && trimmed.Length >= 2 && TicksPerUnit.TryGetValue(trimmed[^1..], out var ticks))
        {
            if (!double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || double.IsNaN(amount) || double.IsInfinity(amount)) throw Bad(trimmed, key);
            if (amount <= 0) throw RecurException.Invalid($"{key}: '{trimmed}' must be a positive length of time", key);
            if (amount * ticks > long.MaxValue / 4) throw RecurException.Invalid($"{key}: '{trimmed}' is too long", key);
            return new WindowSize(WindowUnit.Time, (long)Math.Round(amount * ticks));
        }
        throw Bad(trimmed, key);
    }

    /// <summary>The length as recur.yaml spells it (<c>1h</c>, <c>50 events</c>).</summary>
    public override string ToString()
    {
        if (Unit == WindowUnit.Events) return $"{Amount.ToString(CultureInfo.InvariantCulture)} events";
        foreach (var (suffix, ticks) in TicksPerUnit.Reverse())
        {
            if (Amount % ticks == 0) return (Amount / ticks).ToString(CultureInfo.InvariantCulture) + suffix;
        }
        return (Amount / (double)TimeSpan.TicksPerSecond).ToString("R", CultureInfo.InvariantCulture) + "s";
    }

    private static RecurException Bad(string text, string key) =>
        RecurException.Invalid($"{key}: '{text}' is not a window length (a time such as 30s, 15m, 1h, 7d, or a number of events such as 50 events)", key);
}
