using Recur.Core.Hashing;

namespace Recur.Serving.Routing;

/// <summary>
/// Chooses a route's target for each instance. Sticky routes place the key's Fingerprint64 in one of 10,000 buckets
/// and walk the cumulative weights, so the same key reaches the same target for as long as the weights stay; other
/// routes draw from a seeded generator.
/// </summary>
public sealed class TargetPicker(int seed)
{
    private const int Buckets = 10_000;
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    /// <summary>The index of the target answering <paramref name="key"/>.</summary>
    public int Pick(Route route, string key)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Targets.Count == 1) return 0;
        double point;
        if (route.Sticky)
        {
            point = Bucket(key) * 100.0 / Buckets;
        }
        else
        {
            lock (_gate) point = _random.NextDouble() * 100.0;
        }
        var cumulative = 0.0;
        for (var i = 0; i < route.Targets.Count; i++)
        {
            cumulative += route.Targets[i].Weight;
            if (point < cumulative) return i;
        }
        return route.Targets.Count - 1;
    }

    /// <summary>The key's bucket in [0, 10000): the Fingerprint64 of its UTF-8 bytes (BigQuery's FARM_FINGERPRINT), taken as unsigned.</summary>
    public static int Bucket(string key) => (int)((ulong)Fingerprint64.Hash(key) % Buckets);
}
