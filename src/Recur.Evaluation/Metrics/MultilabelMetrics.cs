using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Metrics;

/// <summary>
/// Metrics of a multilabel classifier (several labels per row), matching scikit-learn's definitions: micro-F1 (true
/// positives, false positives and false negatives pooled over every label), macro-F1 (the mean of the labels' F1),
/// Hamming loss (the share of row×label decisions that are wrong) and subset accuracy (the share of rows whose whole
/// predicted set is right), with seeded bootstrap 95 % intervals; per label precision, recall, F1, support and, when
/// scores are given, AUC.
/// </summary>
public static class MultilabelMetrics
{
    /// <summary>The names of the averaged metrics, the ones a gate can compare.</summary>
    public static readonly IReadOnlyList<string> Averaged = ["micro_f1", "macro_f1", "hamming_loss", "subset_accuracy"];

    /// <summary>
    /// Scores predicted label sets against true ones. Keys: <c>micro_f1</c>, <c>macro_f1</c>, <c>hamming_loss</c>,
    /// <c>subset_accuracy</c> with <c>_low</c>/<c>_high</c>, <c>count</c>, and per label <c>precision[l]</c>,
    /// <c>recall[l]</c>, <c>f1[l]</c>, <c>support[l]</c>, <c>auc[l]</c> (with scores; NaN when the rows hold one class of it).
    /// Per-label scores are 0 where their denominator is 0 (zero_division = 0); macro-F1 averages every label.
    /// </summary>
    /// <param name="predicted">predicted[row][label]: whether the label was predicted.</param>
    /// <param name="actual">actual[row][label]: whether the row has the label.</param>
    /// <param name="labels">Label names in index order.</param>
    /// <param name="scores">scores[row][label], each label's probability; null when only the sets are known (live feedback).</param>
    /// <param name="seed">Seed of the bootstrap resamples.</param>
    /// <param name="resamples">Number of bootstrap resamples; 0 for none.</param>
    /// <param name="perLabelIntervals">Whether each label's precision, recall and F1 get intervals too (live monitoring lists only metrics with one).</param>
    public static IReadOnlyDictionary<string, double> Evaluate(bool[][] predicted, bool[][] actual, IReadOnlyList<string> labels, double[][]? scores, int seed, int resamples = 200,
        bool perLabelIntervals = false)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(labels);
        if (predicted.Length != actual.Length) throw new ArgumentException($"{predicted.Length} predicted rows for {actual.Length} actual rows", nameof(predicted));
        if (actual.Length == 0) throw new ArgumentException("no rows to score", nameof(actual));
        for (var r = 0; r < actual.Length; r++)
        {
            if (predicted[r].Length != labels.Count || actual[r].Length != labels.Count) throw new ArgumentException($"row {r + 1} does not have one value per label ({labels.Count})", nameof(predicted));
        }
        var all = Enumerable.Range(0, actual.Length).ToArray();
        var counts = Counts.Of(predicted, actual, all, labels.Count);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["micro_f1"] = counts.MicroF1,
            ["macro_f1"] = counts.MacroF1,
            ["hamming_loss"] = counts.HammingLoss,
            ["subset_accuracy"] = counts.SubsetAccuracy,
            ["count"] = actual.Length,
        };
        for (var k = 0; k < labels.Count; k++)
        {
            metrics[$"precision[{labels[k]}]"] = Ratio(counts.TruePositives[k], counts.TruePositives[k] + counts.FalsePositives[k]);
            metrics[$"recall[{labels[k]}]"] = Ratio(counts.TruePositives[k], counts.TruePositives[k] + counts.FalseNegatives[k]);
            metrics[$"f1[{labels[k]}]"] = counts.F1(k);
            metrics[$"support[{labels[k]}]"] = counts.TruePositives[k] + counts.FalseNegatives[k];
            if (scores is not null)
            {
                var label = k;
                metrics[$"auc[{labels[k]}]"] = new SortedAuc([.. scores.Select(s => s[label])], [.. actual.Select(a => a[label])]).Of(all);
            }
        }
        if (resamples <= 0) return metrics;
        var random = new Random(seed);
        var rows = new int[actual.Length];
        var draws = Averaged.ToDictionary(m => m, _ => new List<double>(resamples), StringComparer.Ordinal);
        if (perLabelIntervals)
        {
            foreach (var l in labels) foreach (var m in new[] { "precision", "recall", "f1" }) draws[$"{m}[{l}]"] = new List<double>(resamples);
        }
        for (var i = 0; i < resamples; i++)
        {
            Resampling.Draw(random, rows);
            var drawn = Counts.Of(predicted, actual, rows, labels.Count);
            draws["micro_f1"].Add(drawn.MicroF1);
            draws["macro_f1"].Add(drawn.MacroF1);
            draws["hamming_loss"].Add(drawn.HammingLoss);
            draws["subset_accuracy"].Add(drawn.SubsetAccuracy);
            if (!perLabelIntervals) continue;
            for (var k = 0; k < labels.Count; k++)
            {
                draws[$"precision[{labels[k]}]"].Add(Ratio(drawn.TruePositives[k], drawn.TruePositives[k] + drawn.FalsePositives[k]));
                draws[$"recall[{labels[k]}]"].Add(Ratio(drawn.TruePositives[k], drawn.TruePositives[k] + drawn.FalseNegatives[k]));
                draws[$"f1[{labels[k]}]"].Add(drawn.F1(k));
            }
        }
        foreach (var (name, values) in draws) (metrics[name + "_low"], metrics[name + "_high"]) = Resampling.Interval(values, 0.95);
        return metrics;
    }

    /// <summary>One averaged metric on a resample of the rows (indices may repeat), without intervals: what a paired bootstrap evaluates.</summary>
    public static double On(string metric, bool[][] predicted, bool[][] actual, int labels, int[] rows)
    {
        var counts = Counts.Of(predicted, actual, rows, labels);
        return metric switch
        {
            "micro_f1" => counts.MicroF1,
            "macro_f1" => counts.MacroF1,
            "hamming_loss" => counts.HammingLoss,
            "subset_accuracy" => counts.SubsetAccuracy,
            _ => double.NaN,
        };
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;

    private sealed record Counts(long[] TruePositives, long[] FalsePositives, long[] FalseNegatives, long Rows, long ExactRows, long WrongCells)
    {
        public double MicroF1
        {
            get
            {
                double tp = TruePositives.Sum(), fp = FalsePositives.Sum(), fn = FalseNegatives.Sum();
                return Ratio(2 * tp, (2 * tp) + fp + fn);
            }
        }

        public double MacroF1 => TruePositives.Length == 0 ? double.NaN : Enumerable.Range(0, TruePositives.Length).Average(F1);

        public double HammingLoss => Ratio(WrongCells, Rows * TruePositives.Length);

        public double SubsetAccuracy => Ratio(ExactRows, Rows);

        public double F1(int k) => Ratio(2.0 * TruePositives[k], (2.0 * TruePositives[k]) + FalsePositives[k] + FalseNegatives[k]);

        public static Counts Of(bool[][] predicted, bool[][] actual, int[] rows, int labels)
        {
            var (tp, fp, fn) = (new long[labels], new long[labels], new long[labels]);
            long exact = 0, wrong = 0;
            foreach (var r in rows)
            {
                var allRight = true;
                for (var k = 0; k < labels; k++)
                {
                    var (p, a) = (predicted[r][k], actual[r][k]);
                    if (p && a) tp[k]++;
                    else if (p) fp[k]++;
                    else if (a) fn[k]++;
                    if (p != a) (allRight, wrong) = (false, wrong + 1);
                }
                if (allRight) exact++;
            }
            return new Counts(tp, fp, fn, rows.Length, exact, wrong);
        }
    }
}
