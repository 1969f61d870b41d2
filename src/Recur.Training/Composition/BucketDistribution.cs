namespace Recur.Training.Composition;

/// <summary>
/// What one row's bucket probabilities say about the value: the expected value (each bucket represented by its training
/// mean) and quantiles, reading the distribution as uniform within each bucket's span so a quantile interpolates
/// linearly inside the bucket it falls in.
/// </summary>
public static class BucketDistribution
{
    /// <summary>The expected value: the probabilities weighting each bucket's training mean.</summary>
    public static double Expected(BucketSpec spec, IReadOnlyList<double> p)
    {
        var sum = 0.0;
        for (var k = 0; k < spec.Count; k++) sum += p[k] * spec.Means[k];
        return sum;
    }

    /// <summary>The value below which a share <paramref name="q"/> (in [0, 1]) of the probability lies.</summary>
    public static double Quantile(BucketSpec spec, IReadOnlyList<double> p, double q)
    {
        var cumulative = 0.0;
        for (var k = 0; k < spec.Count; k++)
        {
            if (p[k] <= 0) continue;
            if (cumulative + p[k] >= q || k == spec.Count - 1)
            {
                var within = Math.Clamp((q - cumulative) / p[k], 0, 1);
                return spec.Lower(k) + within * (spec.Upper(k) - spec.Lower(k));
            }
            cumulative += p[k];
        }
        return spec.Upper(spec.Count - 1);
    }

    /// <summary>The central interval holding a share <paramref name="level"/> of the probability.</summary>
    public static (double Low, double High) Interval(BucketSpec spec, IReadOnlyList<double> p, double level) =>
        (Quantile(spec, p, (1 - level) / 2), Quantile(spec, p, (1 + level) / 2));
}
