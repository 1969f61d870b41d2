using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // Rebalancing: for a skewed binary label, the skew-aware metrics with their intervals and the threshold chosen for them.
    private static void AddSkew(HtmlReport report, IReadOnlyDictionary<string, double> metrics, SkewThreshold? skew)
    {
        if (!metrics.TryGetValue("minority_rate", out var rate)) return;
        string Row(string m) => metrics.ContainsKey(m + "_low") ? Interval(metrics, m) : "";
        report.Heading("Skewed label")
            .Paragraph($"The rarer class is {Format(100 * rate)} % of the evaluation rows, so the metrics that fit skewed data are reported: PR AUC (average precision), " +
                $"F-beta with beta {Format(metrics.GetValueOrDefault("beta"))} at the model's threshold, and the recall reached at precision {Format(metrics.GetValueOrDefault("precision_at"))}.")
            .Table(["metric", "value", "95% interval"],
            [
                ["PR AUC", Format(metrics.GetValueOrDefault("pr_auc", double.NaN)), Row("pr_auc")],
                ["F-beta", Format(metrics.GetValueOrDefault("f_beta", double.NaN)), Row("f_beta")],
                ["recall at precision", Format(metrics.GetValueOrDefault("recall_at_precision", double.NaN)), Row("recall_at_precision")],
            ]);
        if (skew is null) return;
        var e = skew.Evidence;
        report.Paragraph($"Threshold chosen for the skew: score ≥ {Format(skew.Threshold)} ({skew.Objective}): {skew.Why}. " +
                (skew.Recorded ? "It is recorded as the version's decision policy." : "Reported only: a decision: section, or no framing.rebalance, keeps the threshold as declared."))
            .Table(["on", "F-beta", "precision", "recall", "predicted positive"],
                [[$"{Format(e.GetValueOrDefault("rows"))} evaluation rows", Format(e.GetValueOrDefault("f_beta", double.NaN)), Format(e.GetValueOrDefault("precision", double.NaN)),
                  Format(e.GetValueOrDefault("recall", double.NaN)), Format(e.GetValueOrDefault("positive_rate", double.NaN))]]);
    }
}
