using System.Globalization;
using Recur.Core;

namespace Recur.Monitoring.Incremental;

/// <summary>Where <c>recur monitor --replay FROM</c> starts: the whole log (<c>start</c>), a prediction seq, or an ISO-8601 time.</summary>
/// <param name="Seq">The first prediction seq replayed; 1 for <c>start</c>.</param>
/// <param name="Time">The time to start at (the first prediction logged at or after it); null when a seq was given.</param>
public sealed record ReplayStart(long Seq, DateTimeOffset? Time)
{
    /// <summary>The whole log.</summary>
    public static ReplayStart Start { get; } = new(1, null);

    /// <summary>Parses <c>start</c>, a positive seq or an ISO-8601 time; Invalid naming <paramref name="option"/> otherwise.</summary>
    public static ReplayStart Parse(string text, string option)
    {
        if (text.Equals("start", StringComparison.OrdinalIgnoreCase)) return Start;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return seq >= 1 ? new(seq, null) : throw RecurException.Invalid($"{option}: seq {seq} is before the first (1)", option);
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return new(0, time);
        throw RecurException.Invalid($"{option}: '{text}' is neither 'start', a prediction seq nor an ISO-8601 time", option);
    }
}
