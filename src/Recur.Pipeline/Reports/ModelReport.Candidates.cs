using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // Every candidate of the run (plain trainers and framed ones) on the validation split, the heuristic baselines on
    // the evaluation rows, and why the chosen one was chosen.
    private static void AddCandidates(HtmlReport report, TrainingOutcome outcome)
    {
        if (outcome.Candidates.Count == 0) return;
        var metric = outcome.Metric;
        var name = metric.Replace('_', ' ');
        report.Heading("Candidates and framings")
            .Paragraph($"Every candidate was fitted on the {outcome.TrainRows} training rows and compared on the {outcome.ValidationRows} validation rows by the {name}; " +
                "the best went to the promotion gate. \"plain\" is a declared trainer fitted as it is; other framings (recur.yaml framing:) add their own candidates.")
            .Table(["framing", "trainer", "description", $"validation {name}", "95% interval", "fit seconds", "chosen"], outcome.Candidates.Select(c => (IReadOnlyList<string>)
                [c.Framing, c.Trainer, c.Description, Format(c.Validation.GetValueOrDefault(metric, double.NaN)), Interval(c.Validation, metric),
                 c.FitSeconds.ToString("0.##", CultureInfo.InvariantCulture), c.Chosen ? "yes" : ""]))
            .Paragraph("Chosen: " + outcome.ChosenBecause + ".", "good");
        if (outcome.Baselines.Count == 0) return;
        report.Paragraph($"The heuristic baselines, fitted on the training rows and scored on the {outcome.EvaluationRows} evaluation rows:")
            .Table(["baseline", "what it does", name, "95% interval"], outcome.Baselines.Select(b => (IReadOnlyList<string>)
                [b.Name, b.Description, Format(b.Metrics.GetValueOrDefault(metric, double.NaN)), Interval(b.Metrics, metric)]));
    }
}
