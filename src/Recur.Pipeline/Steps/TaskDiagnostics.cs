using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Evaluation.Curves;
using Recur.Evaluation.Metrics;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The full evaluation of a model's outputs that <c>recur eval</c> reports: every metric of the task with an interval,
/// and the curves behind them (<see cref="ModelDiagnostics"/>).
/// </summary>
public static class TaskDiagnostics
{
    /// <summary>
    /// Every metric of the task with a seeded bootstrap 95 % interval for each (training reports intervals only for the
    /// metrics its gates compare, to stay fast).
    /// </summary>
    public static IReadOnlyDictionary<string, double> Metrics(FeaturePlan plan, ModelOutput output, DataTable rows, double threshold, int seed, Evaluation.Skew.SkewSettings? skew = null)
    {
        var metrics = new Dictionary<string, double>(TaskScoring.Evaluate(plan, output, rows, threshold, seed, skew));
        if (plan.Task == ModelTask.Binary) BinaryMetricIntervals.AddTo(metrics, output.Scores, plan.Labels(rows), threshold, seed);
        foreach (var name in TaskScoring.MetricNames(plan.Task).Where(m => metrics.ContainsKey(m) && !metrics.ContainsKey(m + "_low")).ToList())
        {
            (metrics[name + "_low"], metrics[name + "_high"]) = BootstrapInterval.OfRows(rows.RowCount, TaskScoring.MetricOn(plan, output, rows, name, threshold, seed), 200, seed);
        }
        return metrics;
    }

    /// <summary>The curves of the outputs against the rows' labels.</summary>
    public static ModelDiagnostics Curves(FeaturePlan plan, ModelOutput output, DataTable rows, int seed) => plan.Task switch
    {
        ModelTask.Binary => ModelDiagnostics.Binary(output.Scores, plan.Labels(rows), seed),
        ModelTask.Multiclass => ModelDiagnostics.Multiclass(output.ClassScores!, plan.ClassIndices(rows), plan.Classes, seed),
        ModelTask.Multilabel => MultilabelCurves(plan, output, rows),
        _ => ModelDiagnostics.Regression(output.Scores, plan.Targets(rows), seed),
    };

    // Multilabel: a threshold curve per label, from that label's probabilities.
    private static ModelDiagnostics MultilabelCurves(FeaturePlan plan, ModelOutput output, DataTable rows)
    {
        var truth = plan.LabelSets(rows);
        var perLabel = plan.Classes.Select((name, k) => (name, k)).ToDictionary(p => p.name,
            p => Evaluation.Curves.ThresholdCurve.Compute([.. output.ClassScores!.Select(row => row[p.k])], [.. truth.Select(t => t[p.k])], 100), StringComparer.Ordinal);
        return new ModelDiagnostics(null, null, null, perLabel);
    }
}
