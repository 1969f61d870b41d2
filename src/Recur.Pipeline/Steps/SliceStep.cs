using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Evaluation.Slices;

namespace Recur.Pipeline.Steps;

/// <summary>Error analysis of a model's outputs: per-row errors for the task, sliced by the model's raw input columns.</summary>
public static class SliceStep
{
    /// <summary>The slices of <paramref name="rows"/> where the outputs err most significantly.</summary>
    public static ErrorAnalysis Analyse(FeaturePlan plan, ModelOutput output, DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        double[] errors;
        if (plan.Task == ModelTask.Regression)
        {
            var targets = plan.Targets(rows);
            errors = [.. targets.Select((y, r) => Math.Abs(y - output.Scores[r]))];
        }
        else if (plan.Task == ModelTask.Multilabel)
        {
            // A row is an error when its predicted set is not exactly its true set.
            var truth = plan.LabelSets(rows);
            var predicted = MultilabelOutput.Predicted(output, plan);
            errors = [.. Enumerable.Range(0, rows.RowCount).Select(r => truth[r].AsSpan().SequenceEqual(predicted[r]) ? 0.0 : 1.0)];
        }
        else
        {
            var label = rows[plan.Label];
            errors = [.. Enumerable.Range(0, rows.RowCount).Select(r => label.Format(r) == output.Labels[r] ? 0.0 : 1.0)];
        }
        return ErrorSlices.Find(rows, [.. plan.Features.Select(f => f.Name)], errors, plan.Task != ModelTask.Regression);
    }
}
