namespace Recur.Training.Composition;

/// <summary>
/// The fitted settings of a <see cref="ThresholdComposition"/>: the threshold that defines the positive class on the
/// regressed score, and the regression's residuals (truth minus prediction) on the validation rows, sorted (at most
/// <see cref="MaxResiduals"/>: evenly spaced order statistics when there were more).
/// </summary>
/// <param name="Above">A row is positive when its score is above this value.</param>
/// <param name="Residuals">The validation residuals, ascending.</param>
public sealed record ThresholdSpec(double Above, IReadOnlyList<double> Residuals)
{
    /// <summary>Most residuals kept in the model file.</summary>
    public const int MaxResiduals = 2000;

    /// <summary>
    /// The probability that the score exceeds <see cref="Above"/> given the regression's prediction: the share of
    /// residuals larger than (above − prediction), read from their empirical distribution interpolated between order
    /// statistics and shrunk by half a count toward ½ so it is never exactly 0 or 1.
    /// </summary>
    public double Probability(double predicted)
    {
        var n = Residuals.Count;
        var t = Above - predicted;
        // How many residuals lie at or below t: the i-th order statistic counts as i + ½, interpolated linearly between them.
        double below;
        if (t < Residuals[0]) below = 0;
        else if (t >= Residuals[^1]) below = n;
        else
        {
            var lo = 0;
            var hi = n - 1;
            while (hi - lo > 1)
            {
                var mid = (lo + hi) / 2;
                if (Residuals[mid] <= t) lo = mid; else hi = mid;
            }
            var span = Residuals[hi] - Residuals[lo];
            below = lo + 0.5 + (span > 0 ? (t - Residuals[lo]) / span : 0);
        }
        return (n - below + 0.5) / (n + 1);
    }

    /// <summary>The residuals to keep: all when few, else evenly spaced order statistics of the sorted list.</summary>
    public static IReadOnlyList<double> Keep(IEnumerable<double> residuals)
    {
        var sorted = residuals.Order().ToArray();
        if (sorted.Length <= MaxResiduals) return sorted;
        return [.. Enumerable.Range(0, MaxResiduals).Select(i => sorted[(int)Math.Round(i * (sorted.Length - 1) / (double)(MaxResiduals - 1))])];
    }
}
