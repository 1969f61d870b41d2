using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // framing.cascade: how the router shared out the evaluation rows and how each branch did next to the single model.
    private static void AddCascade(HtmlReport report, TrainingOutcome outcome)
    {
        if (outcome.Cascade is not { } c) return;
        var name = c.Metric.Replace('_', ' ');
        report.Heading("Cascade: routing and branches")
            .Paragraph($"{c.Description}. {(c.Chosen ? "The cascade is the chosen candidate." : "The cascade was not chosen.")} " +
                $"On the {c.Rows} evaluation rows: the cascade's {name} {Format(c.CascadeMetrics.GetValueOrDefault(c.Metric, double.NaN))} {Interval(c.CascadeMetrics, c.Metric)}, " +
                $"the single model's ({c.SingleModel}, the best plain candidate on validation) {Format(c.SingleMetrics.GetValueOrDefault(c.Metric, double.NaN))} {Interval(c.SingleMetrics, c.Metric)}. " +
                "Each branch's share of the rows has a Wilson 95% interval; its metrics are on the rows routed to it, with bootstrap 95% intervals.")
            .Table(["branch", "rows", "routing share", "95% interval", $"cascade {name}", "95% interval", $"single model {name}", "95% interval"], c.Branches.Select(b => (IReadOnlyList<string>)
                [b.Branch, b.Rows.ToString(CultureInfo.InvariantCulture), Format(b.Share), $"[{Format(b.ShareLow)}, {Format(b.ShareHigh)}]",
                 Format(b.Cascade.GetValueOrDefault(c.Metric, double.NaN)), Interval(b.Cascade, c.Metric),
                 Format(b.Single.GetValueOrDefault(c.Metric, double.NaN)), Interval(b.Single, c.Metric)]));
    }
}
