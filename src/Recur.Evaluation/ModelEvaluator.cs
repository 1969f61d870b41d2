using Recur.Evaluation.Metrics;

namespace Recur.Evaluation;

/// <summary>
/// Scores a model's predictions against true labels: the binary metrics at the decision threshold,
/// plus a seeded bootstrap 95 % interval for AUC, so two models' gap can be judged against noise.
/// </summary>
public sealed class ModelEvaluator(double threshold, int seed, int resamples = 200)
{
    /// <summary>Metric name → value (snake_case keys: auc, auc_low, auc_high, accuracy, log_loss, precision, recall, …).</summary>
    public IReadOnlyDictionary<string, double> Evaluate(double[] scores, bool[] labels)
    {
        var metrics = new Dictionary<string, double>(BinaryMetrics.Compute(scores, labels, threshold).ToDictionary());
        if (labels.Contains(true) && labels.Contains(false))
        {
            // The same draws as BootstrapInterval.Compute, without sorting every resample (SortedAuc).
            var (low, high) = new SortedAuc(scores, labels).Interval(resamples, 0.95, seed);
            metrics["auc_low"] = low;
            metrics["auc_high"] = high;
        }
        return metrics;
    }
}
