using Recur.Evaluation.Reports;
using Recur.Pipeline.Curves;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // evaluation.learning_curve: the training and validation metric at each fraction with their bands, the table, the diagnosis.
    internal static void AddLearningCurve(HtmlReport report, LearningCurveResult? curve)
    {
        if (curve is null) return;
        var metric = curve.Metric.Replace('_', ' ');
        report.Heading("Learning curve")
            .Paragraph($"{curve.Trainer} refitted on nested, seeded subsets of the training split (the feature chain fitted on each subset), " +
                $"measured on the rows it trained on and on the {curve.ValidationRows} validation rows, each with a bootstrap 95% interval.")
            .BandChart(
                [
                    new BandSeries($"training {metric}", [.. curve.Points.Select(p => ((double)p.Rows, p.Train, p.TrainLow, p.TrainHigh))]),
                    new BandSeries($"validation {metric}", [.. curve.Points.Select(p => ((double)p.Rows, p.Validation, p.ValidationLow, p.ValidationHigh))]),
                ],
                new PlotFrame("training rows", metric),
                $"The {metric} by training rows; shaded: the 95% intervals; dashed: {curve.BaselineName} on the validation rows.",
                reference: double.IsFinite(curve.Baseline) ? (curve.Baseline, curve.BaselineName.Replace("the ", "", StringComparison.Ordinal)) : null)
            .Table(["fraction", "rows", $"training {metric}", "95% interval", $"validation {metric}", "95% interval", "fit seconds"], curve.Points.Select(p => (IReadOnlyList<string>)
                [Format(p.Fraction), p.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture), Format(p.Train), $"[{Format(p.TrainLow)}, {Format(p.TrainHigh)}]",
                 Format(p.Validation), $"[{Format(p.ValidationLow)}, {Format(p.ValidationHigh)}]", Format(Math.Round(p.FitSeconds, 2))]));
        foreach (var finding in curve.Diagnosis) report.Paragraph(finding.Sentence);
    }

    /// <summary>Writes the page of a learning curve (<c>recur learning-curve</c>) as <c>learning-curve-{time}.html</c> and returns its path.</summary>
    public static string WriteLearningCurve(RecurProject project, LearningCurveResult curve)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(curve);
        var report = new HtmlReport($"{project.Config.Name}: learning curve of {curve.Trainer}");
        AddLearningCurve(report, curve);
        return Save(project, report, $"learning-curve-{project.Time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.html");
    }
}
