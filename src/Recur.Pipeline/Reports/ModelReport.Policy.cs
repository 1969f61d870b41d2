using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // The decision policy beside the model: its threshold, why, its value with the interval, and value against threshold.
    private static void AddPolicy(HtmlReport report, PolicyOutcome? policy, string rows)
    {
        if (policy is null) return;
        var e = policy.Evidence;
        var p = policy.Policy;
        report.Heading("Decision policy")
            .Paragraph($"Decide positive at score ≥ {Format(p.Threshold)} ({p.Objective}): {policy.Why}. The policy is kept beside the model version in the registry, not in its file: " +
                "'recur policy set' changes it without retraining, and every change is recorded ('recur policy history').")
            .Table(["on", "precision", "recall", "predicted positive", "value per decision", "95% interval", "best value at any threshold"],
                [[rows, Format(e.GetValueOrDefault("precision", double.NaN)), Format(e.GetValueOrDefault("recall", double.NaN)), Format(e.GetValueOrDefault("positive_rate", double.NaN)),
                  Format(e.GetValueOrDefault("value_per_decision", double.NaN)),
                  e.ContainsKey("value_per_decision_low") ? $"[{Format(e["value_per_decision_low"])}, {Format(e["value_per_decision_high"])}]" : "",
                  Format(e.GetValueOrDefault("best_value_per_decision", double.NaN))]]);
        if (p.Values is { } v)
        {
            report.Paragraph(string.Create(CultureInfo.InvariantCulture, $"Outcome values: true positive {v.TruePositive}, false positive {v.FalsePositive}, true negative {v.TrueNegative}, false negative {v.FalseNegative}."));
        }
        var shown = policy.Sweep.Where(s => s.Threshold <= 1).ToList();
        if (p.Values is not null)
        {
            report.Plot([new("value per decision", [.. shown.Select(s => (s.Threshold, s.ValuePerDecision))]),
                    new("chosen threshold", [(p.Threshold, e.GetValueOrDefault("value_per_decision", double.NaN))], Dots: true)],
                new PlotFrame("threshold", "mean value per decision"), "Expected value per decision at every threshold, on the rows above.");
        }
        report.Plot([new("precision", [.. shown.Select(s => (s.Threshold, s.Precision))]), new("recall", [.. shown.Select(s => (s.Threshold, s.Recall))]),
                new("chosen threshold", [(p.Threshold, e.GetValueOrDefault("precision", double.NaN)), (p.Threshold, e.GetValueOrDefault("recall", double.NaN))], Dots: true)],
            new PlotFrame("threshold", "rate", UnitSquare: true), "Precision and recall at every threshold.");
    }
}
