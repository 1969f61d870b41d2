using System.Globalization;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Evaluation;
using Recur.Evaluation.Metrics;

namespace Recur.Monitoring.Live;

/// <summary>
/// Live performance from the feedback join, by task: binary from the logged probability; multiclass from
/// the logged label (accuracy and F1: the log keeps the chosen class, not every class's probability, so
/// no log-loss); regression from the logged value against the numeric label.
/// </summary>
public static class LiveMetrics
{
    /// <summary>The metrics of the joined predictions, with seeded bootstrap intervals.</summary>
    public static IReadOnlyDictionary<string, double> Compute(FeaturePlan plan, IReadOnlyList<LabelledPrediction> joined, double threshold, int seed)
    {
        switch (plan.Task)
        {
            case ModelTask.Binary:
                return new ModelEvaluator(threshold, seed).Evaluate(joined.Select(j => j.Prediction.Score).ToArray(), joined.Select(j => j.TrueLabel == plan.Positive).ToArray());
            case ModelTask.Multiclass:
            {
                var index = plan.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
                var known = joined.Where(j => index.ContainsKey(j.TrueLabel) && index.ContainsKey(j.Prediction.Label)).ToList();
                var chosen = known.Select(j => OneHot(index[j.Prediction.Label], plan.Classes.Count)).ToArray();
                var metrics = MulticlassMetrics.Evaluate(chosen, known.Select(j => index[j.TrueLabel]).ToArray(), plan.Classes, seed);
                return metrics.Where(m => !m.Key.StartsWith("log_loss", StringComparison.Ordinal)).ToDictionary(m => m.Key, m => m.Value);
            }
            case ModelTask.Multilabel:
            {
                // The logged label set against the fed-back one, per label and averaged (the log keeps the set, not the scores: no AUC).
                bool[] Set(string text)
                {
                    var set = FeaturePlan.ParseSet(text, plan.Separator ?? ";").ToHashSet(StringComparer.Ordinal);
                    return [.. plan.Classes.Select(set.Contains)];
                }
                return MultilabelMetrics.Evaluate([.. joined.Select(j => Set(j.Prediction.Label))], [.. joined.Select(j => Set(j.TrueLabel))], plan.Classes, null, seed, perLabelIntervals: true);
            }
            default:
            {
                var pairs = joined.Select(j => (Predicted: j.Prediction.Score, Actual: Number(j.TrueLabel))).Where(p => double.IsFinite(p.Actual)).ToList();
                return RegressionMetrics.Evaluate(pairs.Select(p => p.Predicted).ToArray(), pairs.Select(p => p.Actual).ToArray(), seed);
            }
        }
    }

    private static double[] OneHot(int index, int count)
    {
        var p = new double[count];
        p[index] = 1;
        return p;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
