using Recur.Core.Project;

namespace Recur.Monitoring.Policy;

/// <summary>What the rate limit says about retraining now.</summary>
/// <param name="Allowed">Whether a retrain may start now.</param>
/// <param name="Why">The evidence in words.</param>
/// <param name="Numbers">Hours since the last retrain, retrains in the last 24 hours, and the limits.</param>
public sealed record RateLimitResult(bool Allowed, string Why, IReadOnlyDictionary<string, double> Numbers);

/// <summary>
/// The rate limit of <c>loop.min_interval</c> and <c>loop.max_per_day</c>: a retrain needs the minimum interval since
/// the last one and fewer than the maximum in the last 24 hours, so a trigger that keeps firing cannot retrain in a loop.
/// </summary>
public static class RateLimit
{
    /// <summary>Checks the retrain times on record (any order) against the limits at <paramref name="now"/>.</summary>
    public static RateLimitResult Check(DateTimeOffset now, IReadOnlyList<DateTimeOffset> retrains, TimeSpan minInterval, int maxPerDay)
    {
        var last = retrains.Count == 0 ? (DateTimeOffset?)null : retrains.Max();
        var today = retrains.Count(t => now - t < TimeSpan.FromDays(1));
        var numbers = new Dictionary<string, double>
        {
            ["retrains_last_24h"] = today, ["max_per_day"] = maxPerDay, ["min_interval_hours"] = minInterval.TotalHours,
        };
        if (last is { } l) numbers["hours_since_last"] = Math.Round((now - l).TotalHours, 4);
        if (last is { } at && now - at < minInterval)
        {
            var wait = minInterval - (now - at);
            return new(false, $"throttled: the last retrain was {(now - at).TotalMinutes:0.#} min ago; loop.min_interval is {LoopDuration.Format(minInterval)} (next retrain possible in {wait.TotalMinutes:0.#} min)", numbers);
        }
        if (today >= maxPerDay) return new(false, $"throttled: {today} retrains in the last 24 hours; loop.max_per_day is {maxPerDay}", numbers);
        return new(true, $"{today} of {maxPerDay} retrains used in the last 24 hours", numbers);
    }
}
