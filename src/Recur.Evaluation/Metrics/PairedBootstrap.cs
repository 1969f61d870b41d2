using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Metrics;

/// <summary>
/// The gain of a candidate over a reference model on the same rows, with a paired bootstrap
/// interval: each draw resamples the rows once and scores both models on that one resample, so
/// the rows' shared difficulty cancels and the interval reflects only the models' difference.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>
    /// The gain (candidate − reference, or reference − candidate when lower is better, so a
    /// positive gain always means the candidate is better) on all rows, and its percentile interval.
    /// </summary>
    /// <param name="rows">Number of rows both metrics are evaluated on.</param>
    /// <param name="candidateMetric">The candidate's metric on the given row indices (repeats allowed).</param>
    /// <param name="referenceMetric">The reference's metric on the same row indices.</param>
    /// <param name="lowerIsBetter">Whether a smaller metric is better (RMSE, log loss, …).</param>
    /// <param name="seed">Seed of the resamples; the same seed gives the same interval.</param>
    /// <param name="resamples">Number of resamples (at least 1).</param>
    /// <param name="level">Confidence level in (0, 1).</param>
    /// <returns>The gain on all rows and the interval's bounds; draws where either metric is NaN are
    /// left out, and the bounds are NaN when every draw is.</returns>
    /// <exception cref="ArgumentException">An argument is missing or out of range.</exception>
    public static (double Gain, double Low, double High) Gain(
        int rows,
        Func<int[], double> candidateMetric,
        Func<int[], double> referenceMetric,
        bool lowerIsBetter,
        int seed,
        int resamples = 200,
        double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(candidateMetric);
        ArgumentNullException.ThrowIfNull(referenceMetric);
        if (rows < 1) throw new ArgumentException($"rows is {rows}; at least one row is required.", nameof(rows));
        if (!(level > 0 && level < 1)) throw new ArgumentException($"level is {level}; it must lie strictly between 0 and 1.", nameof(level));
        Resampling.CheckResamples(resamples);

        double GainOn(int[] drawn)
        {
            var (candidate, reference) = (candidateMetric(drawn), referenceMetric(drawn));
            return lowerIsBetter ? reference - candidate : candidate - reference;
        }

        var gain = GainOn(Enumerable.Range(0, rows).ToArray());
        var random = new Random(seed);
        var gains = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var drawn = new int[rows];
            Resampling.Draw(random, drawn);
            gains.Add(GainOn(drawn));
        }
        var (low, high) = Resampling.Interval(gains, level);
        return (gain, low, high);
    }
}
