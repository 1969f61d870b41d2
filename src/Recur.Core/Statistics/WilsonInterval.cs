namespace Recur.Core.Statistics;

/// <summary>The Wilson score interval of a proportion: well behaved at 0 and 1 successes and for small counts, unlike the normal approximation.</summary>
public static class WilsonInterval
{
    /// <summary>
    /// The interval of <paramref name="successes"/> out of <paramref name="trials"/> at the normal quantile
    /// <paramref name="z"/> (1.96 for 95 %); [0, 1] when there are no trials.
    /// </summary>
    public static (double Low, double High) Of(int successes, int trials, double z = 1.96)
    {
        if (trials < 0 || successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} successes of {trials} trials");
        if (trials == 0) return (0, 1);
        var p = (double)successes / trials;
        var z2 = z * z;
        var centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        var half = z * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
