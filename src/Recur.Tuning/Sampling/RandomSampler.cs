using Recur.Tuning.Internal;

namespace Recur.Tuning;

/// <summary>
/// Random search: each active parameter drawn uniformly (log-uniformly on a log scale, whole numbers for ints, any listed name for a
/// choice), from a random source derived from the seed and the trial's number alone. Ignores the history.
/// </summary>
public sealed class RandomSampler : ISampler
{
    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, int number, bool maximize, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        var random = TrialRandom.For(seed, number);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in space.Parameters)
        {
            if (space.IsActive(p, values))
                values[p.Name] = Draw.Uniform(p, random);
        }
        return values;
    }
}
