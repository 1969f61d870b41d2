using System.CommandLine;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Evaluation;
using Recur.Evaluation.Baselines;
using Recur.Pipeline;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;
using Recur.Training;

namespace Recur.Cli.Commands;

/// <summary><c>recur eval</c>: a registered version (default: the champion) and the baseline on a snapshot.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var version = new Option<int?>("--version") { Description = "The model version (default: the champion)" };
        var dataset = new Option<string?>("--dataset") { Description = "Evaluate on this dataset's newest snapshot (default: evaluation.dataset)" };
        var command = new Command("eval", "Evaluate a registered model version and the heuristic baseline on a snapshot") { version, dataset };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var name = project.Config.Name;
            var v = parse.GetValue(version) is { } n
                ? await project.Registry.FindAsync(name, n, ct) ?? throw RecurException.NotFound($"model '{name}' has no version {n}")
                : await project.Registry.ResolveAliasAsync(name, TrainingRun.ChampionAlias, ct) ?? throw RecurException.NotFound($"model '{name}' has no champion");
            var (snapshot, table, data) = await EvaluationRowsAsync(project, v, parse.GetValue(dataset), ct);
            var model = await project.Models.LoadAsync(v, ct);
            var plan = model.Manifest.Plan;
            var threshold = model.Manifest.Threshold;
            var output = model.Predict(table);
            var metrics = TaskScoring.Evaluate(plan, output, table, threshold, project.Config.Seed);
            var confusion = TaskScoring.Confusion(plan, output, table, threshold);
            var reported = new List<ReportedModel> { new($"{name} v{v.Version}", metrics) };
            // The baselines learn from the training split of the snapshot the version was trained on.
            var trainedOn = v.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(v.Lineage.Snapshots[0], ct) : null;
            var baselines = new List<object>();
            var rows = Tables.Of("model", "metrics").Row($"{name} v{v.Version} ({plan.Task.ToName()})", Tables.Metrics(metrics));
            if (trainedOn is not null)
            {
                var all = await project.ReadAsync(trainedOn, ct);
                var train = all.Take(TrainingRun.SplitRows(project.Config, all).Train);
                foreach (var b in TaskScoring.FitBaselines(plan, train, threshold))
                {
                    var m = TaskScoring.Evaluate(plan, b.Predict(table), table, threshold, project.Config.Seed);
                    baselines.Add(new { name = b.Name, description = b.Description, metrics = m });
                    rows.Row($"baseline: {b.Name}", Tables.Metrics(m));
                    reported.Add(new ReportedModel($"baseline: {b.Name}", m));
                }
            }
            var report = ModelReport.WriteEvaluation(project, v.Version, plan.Task, data, reported, confusion);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    model = name, version = v.Version, task = plan.Task.ToName(), snapshot = snapshot.Id, data, rows = table.RowCount, metrics, baselines,
                    confusion, per_class = ClassTables.PerClassJson(confusion), report,
                });
                return 0;
            }
            ctx.Human.Write(rows);
            ClassTables.Write(ctx.Human, confusion, report);
            var metric = TaskScoring.DefaultMetric(plan.Task);
            ctx.Human.WriteLine($"on the {data}; {metric} 95% interval [{Tables.Format(metrics.GetValueOrDefault(metric + "_low"))}, {Tables.Format(metrics.GetValueOrDefault(metric + "_high"))}]");
            ctx.Human.WriteLine($"report: {report}");
            return 0;
        }));
        EvalBenchCommand.AddTo(command);
        return command;
    }

    // With no evaluation dataset, the rows the model never trained on: the validation split of the snapshot it
    // was trained on (or, if that is gone, of the newest training snapshot), never the whole training table.
    internal static async Task<(SnapshotInfo Snapshot, DataTable Table, string Data)> EvaluationRowsAsync(
        RecurProject project, ModelVersion version, string? dataset, CancellationToken ct)
    {
        var chosen = dataset ?? (project.Config.Datasets.ContainsKey(project.Config.Evaluation.Dataset) ? project.Config.Evaluation.Dataset : null);
        if (chosen is not null)
        {
            var snapshot = await project.LatestSnapshotAsync(chosen, ct);
            var rows = await project.ReadAsync(snapshot, ct);
            return (snapshot, rows, $"dataset '{chosen}', snapshot {snapshot.Id[..12]} ({rows.RowCount} rows)");
        }
        var trained = version.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(version.Lineage.Snapshots[0], ct) : null;
        var source = trained ?? await project.LatestSnapshotAsync("train", ct);
        var all = await project.ReadAsync(source, ct);
        var validation = all.Take(TrainingRun.SplitRows(project.Config, all).Validation);
        return (source, validation, $"validation split of snapshot {source.Id[..12]} ({validation.RowCount} of {all.RowCount} rows; no evaluation dataset declared)");
    }
}
