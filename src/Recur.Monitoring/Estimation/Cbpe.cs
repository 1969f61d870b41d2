using Recur.Evaluation.Metrics;
using Recur.Monitoring.Live;

namespace Recur.Monitoring.Estimation;

/// <summary>
/// Confidence-based performance estimation (CBPE): with calibrated probabilities, each row is positive with its
/// probability, so the confusion matrix, and every metric built from it, has an expected value without a single
/// label. The interval is the 95 % range of the metric the labels could realise: labels are drawn as independent
/// Bernoulli(p) (seeded) and the metric computed on each draw. It holds only as far as the model is calibrated on
/// the current data: scores are recalibrated on the version's validation rows first (<see cref="IsotonicCalibrator"/>,
/// checked by <see cref="CalibrationCheck"/>); concept drift (P(y|x) changing) is invisible to it.
/// </summary>
public static class Cbpe
{
    /// <summary>Simulated label draws per interval.</summary>
    public const int Simulations = 200;

    /// <summary>
    /// Expected accuracy, precision, recall, F1 (at <paramref name="threshold"/>) and ROC AUC of a binary model, with
    /// intervals. The model decides and ranks by <paramref name="scores"/>; each row is positive with its calibrated
    /// probability (<paramref name="calibrator"/> applied to its score; the score itself without one).
    /// </summary>
    public static IReadOnlyList<MetricValue> Binary(double[] scores, double threshold, int seed, IsotonicCalibrator? calibrator = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Length == 0) return [];
        var probabilities = calibrator?.Apply(scores) ?? scores;
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var p = probabilities[i];
            if (scores[i] >= threshold) { tp += p; fp += 1 - p; }
            else { fn += p; tn += 1 - p; }
        }
        var expected = new Dictionary<string, double>
        {
            ["accuracy"] = (tp + tn) / probabilities.Length,
            ["precision"] = tp + fp > 0 ? tp / (tp + fp) : 0,
            ["recall"] = tp + fn > 0 ? tp / (tp + fn) : 0,
            ["f1"] = 2 * tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : 0,
            ["auc"] = ExpectedAuc(scores, probabilities),
        };
        var draws = expected.Keys.ToDictionary(k => k, _ => new List<double>(Simulations));
        var random = new Random(seed);
        var labels = new bool[probabilities.Length];
        for (var s = 0; s < Simulations; s++)
        {
            for (var i = 0; i < labels.Length; i++) labels[i] = random.NextDouble() < probabilities[i];
            var set = BinaryMetrics.Compute(scores, labels, threshold);
            Add(draws, "accuracy", set.Accuracy);
            Add(draws, "precision", set.Precision);
            Add(draws, "recall", set.Recall);
            Add(draws, "f1", set.F1);
            Add(draws, "auc", set.Auc);
        }
        return expected.Where(e => double.IsFinite(e.Value) && draws[e.Key].Count > 0)
            .Select(e => WithInterval(e.Key, e.Value, draws[e.Key])).ToList();
    }

    /// <summary>
    /// Expected accuracy of a multiclass model from the probability of the class it chose (calibrated by
    /// <paramref name="calibrator"/> when given), with an interval.
    /// </summary>
    public static IReadOnlyList<MetricValue> Multiclass(double[] chosenScores, int seed, IsotonicCalibrator? calibrator = null)
    {
        ArgumentNullException.ThrowIfNull(chosenScores);
        var chosenProbabilities = calibrator?.Apply(chosenScores) ?? chosenScores;
        if (chosenProbabilities.Length == 0) return [];
        var random = new Random(seed);
        var draws = new List<double>(Simulations);
        for (var s = 0; s < Simulations; s++)
        {
            var right = 0;
            foreach (var p in chosenProbabilities) if (random.NextDouble() < p) right++;
            draws.Add((double)right / chosenProbabilities.Length);
        }
        return [WithInterval("accuracy", chosenProbabilities.Average(), draws)];
    }

    /// <summary>The expected ROC AUC of scores that are themselves calibrated probabilities.</summary>
    public static double ExpectedAuc(double[] probabilities) => ExpectedAuc(probabilities, probabilities);

    /// <summary>
    /// The expected ROC AUC of a ranking by <paramref name="scores"/> when row i is positive with probability
    /// <paramref name="probabilities"/>[i]: the expected number of correctly ordered (positive, negative) pairs, ties in
    /// score counting half, over the expected number of such pairs.
    /// </summary>
    public static double ExpectedAuc(double[] scores, double[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(probabilities);
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        double below = 0, ordered = 0; // below: the expected negatives with a lower score
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            double positives = 0, negatives = 0, self = 0;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                var p = probabilities[order[j]];
                positives += p;
                negatives += 1 - p;
                self += p * (1 - p);
                j++;
            }
            // Pairs inside a tie count half, leaving out a row paired with itself.
            ordered += positives * below + 0.5 * (positives * negatives - self);
            below += negatives;
            i = j;
        }
        var totalPositive = probabilities.Sum();
        var pairs = totalPositive * (probabilities.Length - totalPositive) - probabilities.Sum(p => p * (1 - p));
        return pairs > 0 ? ordered / pairs : double.NaN;
    }

    internal static MetricValue WithInterval(string name, double value, List<double> draws)
    {
        var sorted = draws.Order().ToArray();
        return new MetricValue(name, value, LiveFairness.Quantile(sorted, 0.025), LiveFairness.Quantile(sorted, 0.975));
    }

    private static void Add(Dictionary<string, List<double>> draws, string name, double value)
    {
        if (double.IsFinite(value)) draws[name].Add(value);
    }
}
