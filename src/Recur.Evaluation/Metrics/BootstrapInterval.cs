namespace Recur.Evaluation.Metrics;

/// <summary>
/// Percentile bootstrap confidence intervals for binary classification metrics.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>
    /// Resamples rows with replacement <paramref name="resamples"/> times, evaluates
    /// <paramref name="metric"/> on each resample and returns the (1 − c)/2 and (1 + c)/2 percentiles
    /// (numpy's linear interpolation). The same seed always gives the same interval.
    /// </summary>
    /// <remarks>
    /// Resamples where the metric is NaN (for example AUC on a resample that drew a single class)
    /// are left out rather than failing the whole interval; if every resample is NaN the interval is (NaN, NaN).
    /// </remarks>
    /// <param name="scores">Predicted scores, one per row.</param>
    /// <param name="labels">True labels, one per row.</param>
    /// <param name="metric">Metric to evaluate on a resample, e.g. <c>(s, l) =&gt; BinaryMetrics.Compute(s, l, 0.5).Auc</c>.</param>
    /// <param name="resamples">Number of bootstrap resamples (≥ 1).</param>
    /// <param name="confidence">Confidence level in (0, 1), e.g. 0.95.</param>
    /// <param name="seed">Seed for <see cref="Random"/>, making the result reproducible.</param>
    /// <returns>The lower and upper percentile bounds.</returns>
    /// <exception cref="ArgumentException">An argument is empty, mismatched or out of range.</exception>
    public static (double Lower, double Upper) Compute(
        ReadOnlySpan<double> scores,
        ReadOnlySpan<bool> labels,
        Func<ReadOnlySpan<double>, ReadOnlySpan<bool>, double> metric,
        int resamples,
        double confidence,
        int seed)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException("At least one score is required.", nameof(scores));
        }

        if (labels.Length != scores.Length)
        {
            throw new ArgumentException("There must be exactly one label per score.", nameof(labels));
        }

        if (metric is null)
        {
            throw new ArgumentException("A metric function is required.", nameof(metric));
        }

        if (resamples < 1)
        {
            throw new ArgumentException("At least one resample is required.", nameof(resamples));
        }

        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentException("Confidence must lie strictly between 0 and 1.", nameof(confidence));
        }

        var random = new Random(seed);
        var resampledScores = new double[scores.Length];
        var resampledLabels = new bool[scores.Length];
        var estimates = new List<double>(resamples);
        for (int r = 0; r < resamples; r++)
        {
            for (int i = 0; i < scores.Length; i++)
            {
                int row = random.Next(scores.Length);
                resampledScores[i] = scores[row];
                resampledLabels[i] = labels[row];
            }

            double estimate = metric(resampledScores, resampledLabels);
            if (!double.IsNaN(estimate))
            {
                estimates.Add(estimate);
            }
        }

        if (estimates.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        estimates.Sort();
        double tail = (1.0 - confidence) / 2.0;
        return (Percentile(estimates, tail), Percentile(estimates, 1.0 - tail));
    }

    /// <summary>
    /// The percentile bootstrap 95 % interval of any metric of <paramref name="rows"/> rows, given as a function of the
    /// drawn row indices (which may repeat). NaN draws are left out; (NaN, NaN) when every draw is NaN.
    /// </summary>
    public static (double Lower, double Upper) OfRows(int rows, Func<int[], double> metric, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Internal.Resampling.CheckResamples(resamples);
        var random = new Random(seed);
        var drawn = new int[rows];
        var estimates = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            Internal.Resampling.Draw(random, drawn);
            estimates.Add(metric(drawn));
        }
        return Internal.Resampling.Interval(estimates, 0.95);
    }

    /// <summary>The linearly interpolated percentile of sorted estimates (shared with <see cref="SortedAuc"/>).</summary>
    internal static double Percentile(List<double> sorted, double level)
    {
        double position = (sorted.Count - 1) * level;
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        double weight = position - lower;
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * weight);
    }
}
