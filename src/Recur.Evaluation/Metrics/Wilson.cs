namespace Recur.Evaluation.Metrics;

/// <summary>
/// The Wilson score interval of a proportion: well behaved for small counts and rates near 0 or 1, where the normal
/// approximation gives bounds outside [0, 1].
/// </summary>
public static class Wilson
{
    /// <summary>The 95 % interval of <paramref name="successes"/> out of <paramref name="trials"/>; (NaN, NaN) with no trials.</summary>
    public static (double Low, double High) Interval(long successes, long trials, double z = 1.959963984540054)
    {
        if (trials <= 0) return (double.NaN, double.NaN);
        var p = (double)successes / trials;
        var z2 = z * z;
        var centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
        var half = z * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / (1 + z2 / trials);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
