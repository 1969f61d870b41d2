using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Evaluation.Baselines;
using Recur.Evaluation.Curves;
using Recur.Evaluation.Metrics;
using Recur.Lake.Ingest;
using Recur.Pipeline.Reports;

namespace Recur.Pipeline.Steps;

/// <summary>What <c>recur eval</c> measured: a registered version on one dataset, beside its heuristic baselines.</summary>
/// <param name="Version">The version evaluated.</param>
/// <param name="Task">Its task.</param>
/// <param name="Data">Which rows, in words.</param>
/// <param name="Rows">Rows scored.</param>
/// <param name="Threshold">The decision threshold applied (binary; the version's policy).</param>
/// <param name="Metrics">Every metric of the task with its 95 % interval.</param>
/// <param name="Diagnostics">The curves behind the metrics.</param>
/// <param name="Confusion">The confusion matrix (classification).</param>
/// <param name="Baselines">The heuristic baselines on the same rows, with a plain-words comparison each.</param>
/// <param name="Skipped">Rows or lines left out and why (an unparseable line, a missing label), never silently.</param>
public sealed record EvaluationOutcome(
    ModelVersion Version,
    ModelTask Task,
    string Data,
    int Rows,
    double Threshold,
    IReadOnlyDictionary<string, double> Metrics,
    ModelDiagnostics Diagnostics,
    ConfusionMatrix? Confusion,
    IReadOnlyList<BaselineResult> Baselines,
    IReadOnlyList<string> Skipped)
{
    /// <summary>The HTML report's path.</summary>
    public string Report { get; init; } = "";

    /// <summary>The fairness lens of the version's decisions per group of recur.yaml's <c>sensitive:</c> columns (binary; null otherwise).</summary>
    public Evaluation.Fairness.FairnessReport? Fairness { get; init; }

    /// <summary>The slices where the version errs most significantly (error analysis).</summary>
    public Evaluation.Slices.ErrorAnalysis? Slices { get; init; }

    /// <summary>The version's decision policy in force (null: none recorded, the trained threshold applies).</summary>
    public PolicyRevision? Policy { get; init; }

    /// <summary>What the policy gives on these rows (value per decision with its interval, precision, recall); null without a policy.</summary>
    public PolicyOutcome? PolicyOnData { get; init; }
}

/// <summary>
/// Evaluates a registered version on a dataset: a snapshot (by dataset name or id), a CSV file, or by default the rows
/// the version never trained on. The heuristic baselines learn from the training split of the snapshot the version was
/// trained on, so they are judged on the same rows as the model.
/// </summary>
public static class EvaluationRun
{
    /// <summary>Runs the evaluation and writes the HTML report.</summary>
    public static async Task<EvaluationOutcome> RunAsync(RecurProject project, ModelVersion version, string? data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(version);
        var model = await project.Models.LoadAsync(version, ct);
        var plan = model.Manifest.Plan;
        var trainedOn = version.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(version.Lineage.Snapshots[0], ct) : null;
        var (table, description, skipped) = await RowsAsync(project, version, plan, data, ct, model.Manifest.Windows);
        if (table.RowCount == 0) throw RecurException.Invalid($"no rows to evaluate on the {description}", "--data");
        var (threshold, policy) = await PolicyStep.ThresholdAsync(project, version, model.Manifest.Threshold, ct);
        var seed = project.Config.Seed;
        var output = model.Predict(table);
        (Dictionary<string, double> Evidence, IReadOnlyList<Recur.Evaluation.Decisions.OperatingPoint> Sweep)? decided = policy is null ? null : PolicyStep.Measure(policy.Policy, plan, output.Scores, plan.Labels(table), seed);
        if (policy is not null) output = ModelOutput.Binary(output.Scores, plan, threshold);
        var metrics = TaskDiagnostics.Metrics(plan, output, table, threshold, seed, SkewStep.Settings(project.Config));
        var metric = TaskScoring.DefaultMetric(plan.Task);
        var baselines = new List<BaselineResult>();
        if (trainedOn is not null)
        {
            var all = Windows.TrainingWindows.ApplyIfAbsent(model.Manifest.Windows, await project.ReadAsync(trainedOn, ct));
            var train = all.Take(TrainingRun.SplitRows(project.Config, all).Train);
            foreach (var b in TaskScoring.FitBaselines(plan, train, threshold))
            {
                var m = TaskScoring.Evaluate(plan, b.Predict(table), table, threshold, seed);
                baselines.Add(new BaselineResult(b.Name, b.Description, m, BaselineSentence(plan, metrics, m, b, metric, threshold)));
            }
        }
        var outcome = new EvaluationOutcome(version, plan.Task, description, table.RowCount, threshold, metrics,
            TaskDiagnostics.Curves(plan, output, table, seed), TaskScoring.Confusion(plan, output, table, threshold), baselines, skipped);
        if (project.Config.Sensitive.Count > 0) FairnessStep.Check(project.Config, plan, table);
        outcome = outcome with { Fairness = FairnessStep.Measure(project.Config, plan, output, table, threshold), Slices = SliceStep.Analyse(plan, output, table), Policy = policy, PolicyOnData = decided is { } d ? new PolicyOutcome(policy!.Policy, policy.Reason, d.Evidence, d.Sweep) : null };
        return outcome with { Report = ModelReport.WriteEvaluation(project, outcome) };
    }

    /// <summary>
    /// A model against a heuristic baseline in plain words: for a classifier the share of the baseline's errors it
    /// avoids ("avoids 38 % of the errors of always predicting '&lt;=50K'"), then the difference in <paramref name="metric"/>.
    /// </summary>
    public static string BaselineSentence(FeaturePlan plan, IReadOnlyDictionary<string, double> model, IReadOnlyDictionary<string, double> baseline, TaskBaseline b, string metric, double threshold)
    {
        var name = b.Name switch
        {
            "class prior" when plan.Task == ModelTask.Binary => $"always predicting '{(baseline.GetValueOrDefault("positive_rate") >= threshold ? plan.Positive : plan.Negative)}'",
            "majority class" => "always predicting the most frequent class",
            _ => $"the {b.Name} baseline",
        };
        var sentence = BaselineWording.Compare(metric, model.GetValueOrDefault(metric, double.NaN), baseline.GetValueOrDefault(metric, double.NaN), name);
        // A multilabel model has no single accuracy to count errors by.
        return plan.Task is ModelTask.Regression or ModelTask.Multilabel ? sentence
            : BaselineWording.ErrorsAvoided(model.GetValueOrDefault("accuracy", double.NaN), baseline.GetValueOrDefault("accuracy", double.NaN), name) + "; " + sentence;
    }

    /// <summary>
    /// The labelled rows to evaluate a version on: a CSV file (read with the model's input types), a snapshot (a dataset
    /// name or a snapshot id), evaluation.dataset when declared, else the validation split of the snapshot the version was
    /// trained on. Returns them with a description in words and the rows or lines left out and why.
    /// </summary>
    public static async Task<(DataTable Table, string Description, IReadOnlyList<string> Skipped)> RowsAsync(
        RecurProject project, ModelVersion version, FeaturePlan plan, string? data, CancellationToken ct, Core.Project.WindowsConfig? windows = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(plan);
        var trainedOn = version.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(version.Lineage.Snapshots[0], ct) : null;
        var skipped = new List<string>();
        if (data is not null && File.Exists(data))
        {
            var parsed = ReadFile(project, plan, trainedOn, data);
            skipped.AddRange(parsed.Quarantined.Select(q => $"{data}, line {q.Line}: {q.Reason}"));
            var (labelled, unlabelled) = WithLabel(Windows.TrainingWindows.ApplyIfAbsent(windows, parsed.Table), plan.Label);
            if (unlabelled > 0) skipped.Add($"{data}: {unlabelled} rows have no value for the label '{plan.Label}'");
            return (labelled, $"file {Path.GetFileName(data)} ({labelled.RowCount} rows)", skipped);
        }
        if (data is null && project.Config.Datasets.ContainsKey(project.Config.Evaluation.Dataset)) data = project.Config.Evaluation.Dataset;
        if (data is not null)
        {
            var snapshot = await project.ResolveSnapshotAsync(data, ct);
            var rows = await project.ReadAsync(snapshot, ct);
            if (!rows.Has(plan.Label)) throw RecurException.Invalid($"snapshot {snapshot.Id[..12]} of dataset '{snapshot.Dataset}' has no label column '{plan.Label}'", "--data");
            var (labelled, unlabelled) = WithLabel(Windows.TrainingWindows.ApplyIfAbsent(windows, rows), plan.Label);
            if (unlabelled > 0) skipped.Add($"snapshot {snapshot.Id[..12]}: {unlabelled} rows have no value for the label '{plan.Label}'");
            return (labelled, $"dataset '{snapshot.Dataset}', snapshot {snapshot.Id[..12]} ({labelled.RowCount} rows)", skipped);
        }
        // The rows the model never trained on: the validation split of the snapshot it was trained on.
        var source = trainedOn ?? await project.LatestSnapshotAsync("train", ct);
        var all = Windows.TrainingWindows.ApplyIfAbsent(windows, await project.ReadAsync(source, ct));
        var validation = all.Take(TrainingRun.SplitRows(project.Config, all).Validation);
        return (validation, $"validation split of snapshot {source.Id[..12]} ({validation.RowCount} of {all.RowCount} rows; no evaluation dataset declared)", skipped);
    }

    private static ParsedTable ReadFile(RecurProject project, FeaturePlan plan, SnapshotInfo? trainedOn, string path)
    {
        // Check the header first, so a missing column is named as such rather than as a type for no column.
        var header = File.ReadLines(path).FirstOrDefault()?.Split([',', ';', '\t', '|']).Select(h => h.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var name in plan.Features.Select(f => f.Name).Append(plan.Label))
        {
            if (!header.Contains(name)) throw RecurException.Invalid($"{path}: column '{name}' is missing (the model {(name == plan.Label ? "is scored against this label" : "needs it")})", name);
        }
        var types = plan.Features.ToDictionary(f => f.Name, f => f.Type.ToName());
        if (trainedOn?.Schema.FirstOrDefault(c => c.Name == plan.Label) is { } label) types[plan.Label] = label.Type.ToName();
        var parsed = DelimitedParser.ParseFile(Path.GetFullPath(path), new DatasetConfig
        {
            Header = true,
            Missing = [.. project.Config.Datasets.Values.SelectMany(d => d.Missing).Distinct()],
            Types = types,
        }, path);
        foreach (var name in plan.Features.Select(f => f.Name).Append(plan.Label))
        {
            if (!parsed.Table.Has(name)) throw RecurException.Invalid($"{path}: column '{name}' is missing (the model {(name == plan.Label ? "is scored against this label" : "needs it")})", name);
        }
        return parsed;
    }

    private static (DataTable Rows, int Unlabelled) WithLabel(DataTable rows, string label)
    {
        var column = rows[label];
        var keep = Enumerable.Range(0, rows.RowCount).Where(r => !column.IsMissing(r)).ToList();
        return keep.Count == rows.RowCount ? (rows, 0) : (rows.Take(keep), rows.RowCount - keep.Count);
    }
}
