using System.Globalization;
using Recur.Core.Modeling;
using Recur.Evaluation.Metrics;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

/// <summary>One model's (or baseline's) metrics, a row of a report's metric table.</summary>
/// <param name="Model">What was scored, e.g. "candidate (lightgbm)" or "baseline: median".</param>
/// <param name="Metrics">Its metrics by name.</param>
public sealed record ReportedModel(string Model, IReadOnlyDictionary<string, double> Metrics);

/// <summary>
/// The HTML page of a training run or an evaluation, written under <c>.recur/reports/</c>: the metric table
/// of the model and its baselines, and for a classifier its confusion matrix (rows the truth, columns the
/// prediction, with class names) and its precision, recall, F1 and support per class.
/// </summary>
public static partial class ModelReport
{
    /// <summary>Writes the page of a training run as <c>train-v{version}.html</c> and returns its path.</summary>
    public static string WriteTraining(RecurProject project, TrainingOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(outcome);
        var version = outcome.Registered ?? outcome.SameAs;
        var name = version is null ? $"train-{project.Time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.html" : $"train-v{version.Version}.html";
        var trainer = outcome.Candidates.FirstOrDefault(c => c.Chosen)?.Trainer ?? "model";
        var models = outcome.Baselines.Select(b => new ReportedModel($"baseline: {b.Name}", b.Metrics)).ToList();
        if (outcome.ChampionMetrics is { Count: > 0 }) models.Add(new ReportedModel($"champion v{outcome.Champion!.Version}", outcome.ChampionMetrics));
        models.Add(new ReportedModel($"candidate ({trainer})", outcome.Candidate));
        var report = new HtmlReport($"{project.Config.Name}: training run{(version is null ? "" : $", version {version.Version}")}")
            .Paragraph($"Task {outcome.Task.ToName()}; {outcome.TrainRows} training rows, {outcome.ValidationRows} validation rows, {outcome.EvaluationRows} evaluation rows; snapshots {string.Join(", ", outcome.Snapshots.Select(s => s[..Math.Min(12, s.Length)]))}.")
            .Paragraph((outcome.Gate.Promote ? "PROMOTED: " : "NOT PROMOTED: ") + outcome.Gate.Reason, outcome.Gate.Promote ? "good" : "bad");
        AddModels(report, outcome.Task, models, outcome.Metric);
        foreach (var b in outcome.Baselines) report.Paragraph($"Against {b.Name}: {b.Comparison}");
        AddCandidates(report, outcome);
        AddCascade(report, outcome);
        AddClasses(report, outcome.Confusion, "the candidate on the evaluation rows");
        AddSkew(report, outcome.Candidate, outcome.Skew);
        AddPolicy(report, outcome.Policy, $"{outcome.EvaluationRows} evaluation rows");
        AddSlices(report, outcome.Slices);
        AddAblation(report, outcome);
        AddRobustness(report, outcome.Robustness);
        AddFairness(report, outcome);
        AddNeutral(report, outcome);
        AddGridError(report, outcome);
        AddLearningCurve(report, outcome.LearningCurve);
        AddProgress(report, outcome.Progress);
        AddMonitoringLink(report, project);
        return Save(project, report, name);
    }

    /// <summary>Writes the page of an evaluation (<c>recur eval</c>) as <c>eval-v{version}.html</c> and returns its path.</summary>
    public static string WriteEvaluation(RecurProject project, EvaluationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(outcome);
        var version = outcome.Version.Version;
        var report = new HtmlReport($"{project.Config.Name}: evaluation of version {version}")
            .Paragraph($"Task {outcome.Task.ToName()}, on the {outcome.Data}." + (outcome.Task == ModelTask.Binary ? $" Decision threshold {Format(outcome.Threshold)}." : ""));
        foreach (var skip in outcome.Skipped.Take(20)) report.Paragraph("Left out: " + skip, "bad");
        var models = new List<ReportedModel> { new($"version {version}", outcome.Metrics) };
        models.AddRange(outcome.Baselines.Select(b => new ReportedModel($"baseline: {b.Name}", b.Metrics)));
        AddModels(report, outcome.Task, models, TaskScoring.DefaultMetric(outcome.Task));
        AddIntervals(report, outcome.Metrics, outcome.Task);
        if (outcome.Baselines.Count > 0) report.Heading("Against the heuristic baselines");
        foreach (var b in outcome.Baselines) report.Paragraph($"Against {b.Name} ({b.Description}): {b.Comparison}.");
        AddClasses(report, outcome.Confusion, $"version {version}");
        AddSkew(report, outcome.Metrics, null);
        AddPolicy(report, outcome.PolicyOnData, outcome.Data);
        AddFairness(report, outcome.Fairness, outcome.Data);
        AddSlices(report, outcome.Slices);
        AddDiagnostics(report, outcome.Diagnostics, outcome.Task == ModelTask.Binary ? outcome.Threshold : null);
        return Save(project, report, $"eval-v{version}.html");
    }

    // Every metric with its 95% interval, one row each.
    private static void AddIntervals(HtmlReport report, IReadOnlyDictionary<string, double> metrics, ModelTask task)
    {
        var names = TaskScoring.MetricNames(task).Where(m => metrics.ContainsKey(m)).ToList();
        report.Heading("Metrics with 95% intervals").Table(["metric", "value", "95% interval"], names.Select(m => (IReadOnlyList<string>)
            [m.Replace('_', ' '), Format(metrics[m]), metrics.ContainsKey(m + "_low") ? Interval(metrics, m) : "(no interval: the metric needs every row at once)"]));
    }

    private static void AddModels(HtmlReport report, ModelTask task, IReadOnlyList<ReportedModel> models, string metric)
    {
        var columns = TaskScoring.MetricNames(task).Where(m => models.Any(r => r.Metrics.ContainsKey(m))).ToList();
        if (columns.Contains(metric)) columns.Insert(columns.IndexOf(metric) + 1, $"{metric} 95% interval");
        report.Heading("Metrics").Table(["model", .. columns.Select(c => c.Replace('_', ' '))], models.Select(m => (IReadOnlyList<string>)
            [m.Model, .. columns.Select(c => c.EndsWith(" 95% interval", StringComparison.Ordinal) ? Interval(m.Metrics, metric) : Format(m.Metrics.GetValueOrDefault(c, double.NaN)))]));
    }

    private static void AddClasses(HtmlReport report, ConfusionMatrix? confusion, string whose)
    {
        if (confusion is null) return;
        var at = confusion.Threshold is { } t ? $", at the decision threshold {Format(t)}" : ", each row's most probable class";
        report.Heading("Confusion matrix")
            .Paragraph($"Of {whose} ({confusion.Total} rows{at}): rows are the true class, columns the predicted class.")
            .Confusion(confusion)
            .Heading("Per class")
            .PerClass(confusion.PerClass());
    }

    // recur train --ablate: each feature group's contribution with its paired bootstrap interval, as a table and a chart.
    private static void AddAblation(HtmlReport report, TrainingOutcome outcome)
    {
        if (outcome.Ablation.Count == 0) return;
        var metric = outcome.Metric.Replace('_', ' ');
        report.Heading("Ablation")
            .Paragraph($"The chosen trainer refitted without each feature group on the same training rows and scored on the same {outcome.EvaluationRows} evaluation rows. " +
                $"Contribution is how much better the {metric} is with the group than without it (positive: the group helps), with a paired bootstrap 95% interval.")
            .Table(["group", "columns", $"{metric} with", $"{metric} without", "contribution", "95% interval"], outcome.Ablation.Select(a => (IReadOnlyList<string>)
                [a.Group, string.Join(", ", a.Columns), Format(a.With), Format(a.Without), Format(a.Contribution), $"[{Format(a.Low)}, {Format(a.High)}]"]))
            .IntervalBars([.. outcome.Ablation.Select(a => (a.Group, a.Contribution, a.Low, a.High))], $"Contribution of each feature group to the {metric}, with its 95% interval");
    }

    private static string Interval(IReadOnlyDictionary<string, double> metrics, string metric) =>
        metrics.TryGetValue(metric + "_low", out var low) && metrics.TryGetValue(metric + "_high", out var high) ? $"[{Format(low)}, {Format(high)}]" : "";

    private static string Format(double value) => double.IsNaN(value) ? "" : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Save(RecurProject project, HtmlReport report, string name)
    {
        var path = Path.Combine(project.ReportsDir, name);
        report.Save(path);
        return path;
    }
}
