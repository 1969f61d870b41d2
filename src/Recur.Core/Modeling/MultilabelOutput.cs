namespace Recur.Core.Modeling;

/// <summary>
/// The outputs of a multilabel model (framing.multilabel): <see cref="ModelOutput.ClassScores"/> holds each label's
/// probability (in <see cref="FeaturePlan.Classes"/> order), <see cref="OutputDetail.Labels"/> the labels at or above
/// their own thresholds, <see cref="ModelOutput.Labels"/> that set as logged (<see cref="FeaturePlan.FormatSet"/>) and <see cref="ModelOutput.Scores"/> the highest label probability.
/// </summary>
public static class MultilabelOutput
{
    /// <summary>The outputs of per-label probabilities under per-label thresholds.</summary>
    public static ModelOutput Of(double[][] probabilities, FeaturePlan plan, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count != plan.Classes.Count) throw new ArgumentException($"{thresholds.Count} thresholds for {plan.Classes.Count} labels", nameof(thresholds));
        var n = probabilities.Length;
        var labels = new string[n];
        var scores = new double[n];
        var details = new OutputDetail?[n];
        for (var r = 0; r < n; r++)
        {
            var chosen = new List<string>();
            for (var k = 0; k < plan.Classes.Count; k++) if (probabilities[r][k] >= thresholds[k]) chosen.Add(plan.Classes[k]);
            labels[r] = plan.FormatSet(chosen);
            scores[r] = probabilities[r].Length == 0 ? 0 : probabilities[r].Max();
            details[r] = new OutputDetail { Labels = chosen };
        }
        return new ModelOutput(ModelTask.Multilabel, scores, labels, probabilities) { Details = details };
    }

    /// <summary>Per row, whether each label (in <see cref="FeaturePlan.Classes"/> order) was predicted.</summary>
    public static bool[][] Predicted(ModelOutput output, FeaturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(plan);
        var index = plan.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var result = new bool[output.Labels.Length][];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = new bool[plan.Classes.Count];
            var set = output.Details?[r]?.Labels ?? FeaturePlan.ParseSet(output.Labels[r], plan.Separator ?? ";");
            foreach (var l in set) if (index.TryGetValue(l, out var k)) result[r][k] = true;
        }
        return result;
    }
}
