using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Metrics;

/// <summary>
/// Metrics of a single-label multiclass classifier, matching scikit-learn 1.2's definitions, with
/// seeded bootstrap 95 % intervals for accuracy, macro F1 and log loss.
/// </summary>
public static partial class MulticlassMetrics
{
    /// <summary>
    /// Scores class probabilities against true classes. The predicted class is the most probable
    /// one, ties going to the lowest class index. Keys: <c>accuracy</c>, <c>macro_f1</c>,
    /// <c>micro_f1</c>, <c>log_loss</c>, <c>count</c>, the intervals <c>accuracy_low</c>/<c>_high</c>,
    /// <c>macro_f1_low</c>/<c>_high</c>, <c>log_loss_low</c>/<c>_high</c>, and for every class
    /// <c>precision[c]</c>, <c>recall[c]</c>, <c>f1[c]</c>, <c>support[c]</c>.
    /// </summary>
    /// <remarks>
    /// Macro F1 averages over the classes that occur among the actual or predicted classes, as
    /// scikit-learn does without a <c>labels</c> argument: a class absent from the data is not
    /// counted as a zero. Per-class scores are 0 where their denominator is 0 (zero_division = 0).
    /// Log loss clips each probability to [1e-15, 1 − 1e-15] and renormalises the row before taking
    /// the log of the true class's share, as scikit-learn 1.2 does.
    /// </remarks>
    /// <param name="probabilities">probabilities[row][classIndex], each in [0, 1].</param>
    /// <param name="actual">The true class index of each row.</param>
    /// <param name="classes">Class names in index order; they name the per-class keys.</param>
    /// <param name="seed">Seed of the bootstrap resamples.</param>
    /// <param name="resamples">Number of bootstrap resamples (at least 1).</param>
    /// <returns>Metric name → value.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, mismatched or out of range; the message names the row.</exception>
    public static IReadOnlyDictionary<string, double> Evaluate(double[][] probabilities, int[] actual, IReadOnlyList<string> classes, int seed, int resamples = 200)
    {
        ArgumentNullException.ThrowIfNull(classes);
        Check(probabilities, actual, classes.Count);
        if (classes.Distinct(StringComparer.Ordinal).Count() != classes.Count) throw new ArgumentException("Class names must be unique.", nameof(classes));
        Resampling.CheckResamples(resamples);

        var predicted = probabilities.Select(ArgMax).ToArray();
        var losses = new double[actual.Length];
        for (var i = 0; i < losses.Length; i++) losses[i] = LogLossTerm(probabilities[i], actual[i]);

        var all = Enumerable.Range(0, actual.Length).ToArray();
        var counts = ClassCounts.Of(predicted, actual, all, classes.Count);
        var accuracy = counts.Accuracy;
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = accuracy,
            ["macro_f1"] = counts.MacroF1(),
            // Every row gets exactly one predicted class, so pooled precision = recall = accuracy.
            ["micro_f1"] = accuracy,
            ["log_loss"] = Mean(losses, all),
            ["count"] = actual.Length,
        };
        for (var k = 0; k < classes.Count; k++)
        {
            metrics[$"precision[{classes[k]}]"] = counts.Precision(k);
            metrics[$"recall[{classes[k]}]"] = counts.Recall(k);
            metrics[$"f1[{classes[k]}]"] = counts.F1(k);
            metrics[$"support[{classes[k]}]"] = counts.Actual[k];
        }

        var random = new Random(seed);
        var rows = new int[actual.Length];
        var (accuracies, macroF1s, logLosses) = (new List<double>(resamples), new List<double>(resamples), new List<double>(resamples));
        for (var r = 0; r < resamples; r++)
        {
            Resampling.Draw(random, rows);
            var drawn = ClassCounts.Of(predicted, actual, rows, classes.Count);
            accuracies.Add(drawn.Accuracy);
            macroF1s.Add(drawn.MacroF1());
            logLosses.Add(Mean(losses, rows));
        }
        (metrics["accuracy_low"], metrics["accuracy_high"]) = Resampling.Interval(accuracies, 0.95);
        (metrics["macro_f1_low"], metrics["macro_f1_high"]) = Resampling.Interval(macroF1s, 0.95);
        (metrics["log_loss_low"], metrics["log_loss_high"]) = Resampling.Interval(logLosses, 0.95);
        return metrics;
    }

    /// <summary>
    /// Counts of (actual, predicted) class pairs: rows are actual classes, columns predicted ones
    /// (the most probable class, ties to the lowest index).
    /// </summary>
    /// <param name="probabilities">probabilities[row][classIndex], each in [0, 1].</param>
    /// <param name="actual">The true class index of each row.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <returns>A classCount × classCount matrix.</returns>
    /// <exception cref="ArgumentException">The inputs are empty, mismatched or out of range.</exception>
    public static int[,] ConfusionMatrix(double[][] probabilities, int[] actual, int classCount)
    {
        Check(probabilities, actual, classCount);
        var matrix = new int[classCount, classCount];
        for (var i = 0; i < actual.Length; i++) matrix[actual[i], ArgMax(probabilities[i])]++;
        return matrix;
    }

    private static int ArgMax(double[] row)
    {
        var best = 0;
        for (var k = 1; k < row.Length; k++) if (row[k] > row[best]) best = k;
        return best;
    }

    private static double LogLossTerm(double[] row, int actual)
    {
        double total = 0;
        foreach (var p in row) total += Math.Clamp(p, BinaryMetrics.LogLossEpsilon, 1 - BinaryMetrics.LogLossEpsilon);
        return -Math.Log(Math.Clamp(row[actual], BinaryMetrics.LogLossEpsilon, 1 - BinaryMetrics.LogLossEpsilon) / total);
    }

    private static double Mean(double[] values, int[] rows)
    {
        double sum = 0;
        foreach (var row in rows) sum += values[row];
        return sum / rows.Length;
    }
}
