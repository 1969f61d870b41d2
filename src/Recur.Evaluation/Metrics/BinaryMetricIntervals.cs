using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Metrics;

/// <summary>
/// Seeded percentile bootstrap 95 % intervals for every threshold and probability metric of a binary classifier
/// (PR AUC, log loss, Brier, accuracy, precision, recall, F1), from one set of row resamples shared by all of them.
/// AUC's own interval comes from <see cref="SortedAuc"/>, which draws the same rows without re-sorting.
/// </summary>
public static class BinaryMetricIntervals
{
    /// <summary>The metrics that get an interval here.</summary>
    public static readonly IReadOnlyList<string> Names = ["pr_auc", "log_loss", "brier", "accuracy", "precision", "recall", "f1"];

    /// <summary>Adds <c>NAME_low</c> and <c>NAME_high</c> for each of <see cref="Names"/> to <paramref name="metrics"/>.</summary>
    public static void AddTo(IDictionary<string, double> metrics, double[] scores, bool[] labels, double threshold, int seed, int resamples = 200)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Resampling.CheckResamples(resamples);
        var random = new Random(seed);
        var rows = new int[scores.Length];
        var s = new double[scores.Length];
        var l = new bool[scores.Length];
        var draws = Names.ToDictionary(n => n, _ => new List<double>(resamples));
        for (var r = 0; r < resamples; r++)
        {
            Resampling.Draw(random, rows);
            for (var i = 0; i < rows.Length; i++) (s[i], l[i]) = (scores[rows[i]], labels[rows[i]]);
            var set = BinaryMetrics.Compute(s, l, threshold).ToDictionary();
            foreach (var name in Names) draws[name].Add(set[name]);
        }
        foreach (var name in Names) (metrics[name + "_low"], metrics[name + "_high"]) = Resampling.Interval(draws[name], 0.95);
    }
}
