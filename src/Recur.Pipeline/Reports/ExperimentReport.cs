using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Experiments;

namespace Recur.Pipeline.Reports;

/// <summary>
/// The HTML page of <c>recur experiment NAME</c>, <c>.recur/reports/experiment-NAME.html</c>: the comparison table (each arm's
/// metric with its interval, each variation's paired difference from the control and its verdict) and a chart of the arms.
/// </summary>
public static class ExperimentReport
{
    /// <summary>Writes the page and returns its path.</summary>
    public static string Write(RecurProject project, ExperimentComparison c)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(c);
        var name = c.Metric.Replace('_', ' ');
        IReadOnlyList<string> Row(ArmResult a) =>
        [
            a.Name, a.What, F(a.Value), $"[{F(a.Low)}, {F(a.High)}]", a.Name == Variation.Control ? "" : F(a.Delta),
            a.Name == Variation.Control ? "" : $"[{F(a.DeltaLow)}, {F(a.DeltaHigh)}]", a.Verdict, F(a.Seconds), a.Trainer, a.Model,
        ];
        var report = new HtmlReport($"{project.Config.Name}: experiment {c.Experiment}");
        if (c.Question.Length > 0) report.Paragraph(c.Question);
        report.Paragraph($"Every arm trained on snapshot {c.Snapshot[..Math.Min(12, c.Snapshot.Length)]} with the same split and was measured on the same {c.EvaluationRows} evaluation rows " +
                $"({c.Parallel} side by side, {c.Threads} trainer threads each). The difference is the variation's gain over the control (positive: better, whichever way {name} points) " +
                "with a paired bootstrap 95% interval: better or worse when the interval leaves out zero, no clear difference when it holds it. " +
                "These models are disposable: they are kept for inspection and can never be registered under an alias or promoted.")
            .Heading("Comparison")
            .Table(["arm", "what", name, "95% interval", "difference", "paired 95% interval", "verdict", "fit seconds", "chosen trainer", "model file"],
                [Row(c.Control), .. c.Variations.Select(Row)])
            .Heading($"{name} per arm")
            .FoldChart([.. new[] { c.Control }.Concat(c.Variations).Select(a => new FoldPoint(a.Name, a.Value, a.Low, a.High, double.NaN))],
                name, $"Each arm's {name} on the evaluation rows with its bootstrap 95% interval.");
        var path = Path.Combine(project.ReportsDir, $"experiment-{c.Experiment}.html");
        report.Save(path);
        return path;
    }

    private static string F(double value) => double.IsNaN(value) ? "" : value.ToString("0.####", CultureInfo.InvariantCulture);
}
