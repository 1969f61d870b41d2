using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Evaluation;
using Recur.Evaluation.Baselines;
using Recur.Evaluation.Metrics;
using Recur.Evaluation.Skew;

namespace Recur.Pipeline.Steps;

/// <summary>A heuristic baseline fitted on the training rows: a name, what it does, and its predictions.</summary>
public sealed record TaskBaseline(string Name, string Description, Func<DataTable, ModelOutput> Predict);

/// <summary>
/// The task-specific parts of training and monitoring in one place: the metrics of a model's outputs,
/// the heuristic baselines every candidate is measured against, and the default promotion metric.
/// </summary>
public static class TaskScoring
{
    /// <summary>The metric gates compare when recur.yaml names none: AUC, macro-F1, RMSE.</summary>
    public static string DefaultMetric(ModelTask task) => task switch
    {
        ModelTask.Binary => "auc",
        ModelTask.Multiclass => "macro_f1",
        ModelTask.Multilabel => "micro_f1",
        _ => "rmse",
    };

    /// <summary>The metric names a task reports (for checking promotion.metric).</summary>
    public static IReadOnlyList<string> MetricNames(ModelTask task) => task switch
    {
        ModelTask.Binary => ["auc", "pr_auc", "log_loss", "brier", "accuracy", "precision", "recall", "f1", "f_beta", "recall_at_precision"],
        ModelTask.Multiclass => ["accuracy", "macro_f1", "micro_f1", "log_loss"],
        ModelTask.Multilabel => MultilabelMetrics.Averaged,
        _ => ["rmse", "mae", "r2", "median_absolute_error", "mape"],
    };

    /// <summary>
    /// Every metric of the outputs against the rows' labels, with seeded bootstrap intervals. A binary label whose rarer
    /// class is rare (<paramref name="skew"/>, by default under 20 %) also gets the skew-aware metrics (F-beta, recall at a
    /// fixed precision; <see cref="SkewMetrics"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Evaluate(FeaturePlan plan, ModelOutput output, DataTable rows, double threshold, int seed, SkewSettings? skew = null) => plan.Task switch
    {
        ModelTask.Binary => Binary(output.Scores, plan.Labels(rows), threshold, seed, skew ?? SkewSettings.Default),
        ModelTask.Multiclass => MulticlassMetrics.Evaluate(output.ClassScores!, plan.ClassIndices(rows), plan.Classes, seed),
        ModelTask.Multilabel => MultilabelMetrics.Evaluate(MultilabelOutput.Predicted(output, plan), plan.LabelSets(rows), plan.Classes, output.ClassScores, seed),
        _ => RegressionMetrics.Evaluate(output.Scores, plan.Targets(rows), seed),
    };

    // Rebalancing: the skew-aware metrics join the standard ones when the label is skewed (docs/design/rebalancing.md).
    private static IReadOnlyDictionary<string, double> Binary(double[] scores, bool[] labels, double threshold, int seed, SkewSettings skew)
    {
        var metrics = new ModelEvaluator(threshold, seed).Evaluate(scores, labels);
        if (!skew.Applies(labels)) return metrics;
        var extended = new Dictionary<string, double>(metrics);
        SkewMetrics.AddTo(extended, scores, labels, threshold, skew, seed);
        return extended;
    }

    /// <summary>
    /// The confusion matrix of the outputs against the rows' labels, rows the truth and columns the prediction:
    /// binary at the decision threshold (negative class first), multiclass on the most probable class; null
    /// for regression, which has no classes.
    /// </summary>
    public static ConfusionMatrix? Confusion(FeaturePlan plan, ModelOutput output, DataTable rows, double threshold) => plan.Task switch
    {
        ModelTask.Binary => ConfusionMatrix.Of(plan.ClassNames, plan.Labels(rows).Select(l => l ? 1 : 0).ToArray(),
            output.Scores.Select(s => s >= threshold ? 1 : 0).ToArray(), threshold),
        ModelTask.Multiclass => ConfusionMatrix.Of(plan.Classes, plan.ClassIndices(rows), PredictedIndices(plan, output)),
        _ => null,
    };

    private static int[] PredictedIndices(FeaturePlan plan, ModelOutput output)
    {
        var index = plan.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        return output.Labels.Select(l => index[l]).ToArray();
    }

    /// <summary>
    /// One metric of the outputs on a resample of the rows (indices may repeat), without intervals: what
    /// a paired bootstrap evaluates on every draw.
    /// </summary>
    public static Func<int[], double> MetricOn(FeaturePlan plan, ModelOutput output, DataTable rows, string metric, double threshold, int seed)
    {
        switch (plan.Task)
        {
            case ModelTask.Binary:
            {
                var labels = plan.Labels(rows);
                if (metric == "auc") return new SortedAuc(output.Scores, labels).Of;
                return idx => BinaryMetrics.Compute(idx.Select(i => output.Scores[i]).ToArray(), idx.Select(i => labels[i]).ToArray(), threshold).ToDictionary().GetValueOrDefault(metric, double.NaN);
            }
            case ModelTask.Multilabel:
            {
                var (predicted, actual) = (MultilabelOutput.Predicted(output, plan), plan.LabelSets(rows));
                return idx => MultilabelMetrics.On(metric, predicted, actual, plan.Classes.Count, idx);
            }
            case ModelTask.Multiclass:
            {
                var labels = plan.ClassIndices(rows);
                return idx => MulticlassMetrics.Evaluate(idx.Select(i => output.ClassScores![i]).ToArray(), idx.Select(i => labels[i]).ToArray(), plan.Classes, seed, 1).GetValueOrDefault(metric, double.NaN);
            }
            default:
            {
                var targets = plan.Targets(rows);
                if (metric is "rmse" or "mae" or "r2") return idx => RegressionMetrics.ErrorOn(metric, output.Scores, targets, idx)!.Value;
                return idx => RegressionMetrics.Evaluate(idx.Select(i => output.Scores[i]).ToArray(), idx.Select(i => targets[i]).ToArray(), seed, 1).GetValueOrDefault(metric, double.NaN);
            }
        }
    }

    /// <summary>
    /// The heuristic baselines of the task, fitted on the training rows: the class prior (binary), the
    /// class prior and the majority class (multiclass), the mean and the median (regression), and for
    /// every task the best single feature (one rule).
    /// </summary>
    public static IReadOnlyList<TaskBaseline> FitBaselines(FeaturePlan plan, DataTable train, double threshold)
    {
        var features = plan.Features.Select(f => f.Name).ToList();
        switch (plan.Task)
        {
            case ModelTask.Binary:
            {
                var labels = plan.Labels(train);
                var prior = PriorBaseline.Fit(labels);
                var rule = OneRuleBaseline.FitClassification(train, features, labels.Select(l => l ? 1 : 0).ToArray(), 2);
                return
                [
                    new("class prior", "predicting the share of the positive class", rows => ModelOutput.Binary(prior.Score(rows.RowCount), plan, threshold)),
                    new("one rule", rule.Describe(), rows => ModelOutput.Binary(rule.PredictProbabilities(rows).Select(p => p[1]).ToArray(), plan, threshold)),
                ];
            }
            case ModelTask.Multilabel:
                return MultilabelBaselines(plan, train);
            case ModelTask.Multiclass:
            {
                var labels = plan.ClassIndices(train);
                var k = plan.Classes.Count;
                var rule = OneRuleBaseline.FitClassification(train, features, labels, k);
                return
                [
                    new("class prior", "predicting the class frequencies", rows => ModelOutput.Multiclass(ClassPriorBaseline.Predict(labels, k, rows.RowCount), plan)),
                    new("majority class", "predicting the most frequent class", rows => ModelOutput.Multiclass(MajorityClassBaseline.Predict(labels, k, rows.RowCount), plan)),
                    new("one rule", rule.Describe(), rows => ModelOutput.Multiclass(rule.PredictProbabilities(rows), plan)),
                ];
            }
            default:
            {
                var targets = plan.Targets(train);
                var rule = OneRuleBaseline.FitRegression(train, features, targets);
                return
                [
                    new("mean", "predicting the mean", rows => ModelOutput.Regression(MeanBaseline.Predict(targets, rows.RowCount))),
                    new("median", "predicting the median", rows => ModelOutput.Regression(MedianBaseline.Predict(targets, rows.RowCount))),
                    new("one rule", rule.Describe(), rows => ModelOutput.Regression(rule.PredictValues(rows))),
                ];
            }
        }
    }

    // Multilabel: each label's training prevalence as its score (predicted where it is at least one half), every label for
    // every row (the best a constant can do for micro-F1 when labels are rare), and the most frequent label set of the training rows.
    private static IReadOnlyList<TaskBaseline> MultilabelBaselines(FeaturePlan plan, DataTable train)
    {
        var sets = plan.LabelSets(train);
        var k = plan.Classes.Count;
        var prevalence = Enumerable.Range(0, k).Select(c => sets.Count(s => s[c]) / (double)Math.Max(1, sets.Length)).ToArray();
        var half = Enumerable.Repeat(0.5, k).ToArray();
        var common = sets.GroupBy(s => string.Concat(s.Select(b => b ? '1' : '0')), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().First();
        var commonScores = common.Select(b => b ? 1.0 : 0.0).ToArray();
        var commonNames = plan.Classes.Where((_, c) => common[c]).ToList();
        return
        [
            new("label prior", "each label's training share as its score, predicted where it is at least 0.5",
                rows => MultilabelOutput.Of([.. Enumerable.Range(0, rows.RowCount).Select(_ => prevalence.ToArray())], plan, half)),
            new("every label", "predicting every label for every row, each scored by its training share",
                rows => MultilabelOutput.Of([.. Enumerable.Range(0, rows.RowCount).Select(_ => prevalence.ToArray())], plan, new double[k])),
            new("most frequent set", $"predicting the most frequent label set of the training rows ({(commonNames.Count == 0 ? "no label" : string.Join(", ", commonNames))}) for every row",
                rows => MultilabelOutput.Of([.. Enumerable.Range(0, rows.RowCount).Select(_ => commonScores.ToArray())], plan, half)),
        ];
    }
}
