using System.CommandLine;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Evaluation;
using Recur.Evaluation.Baselines;
using Recur.Pipeline;
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
            var model = await RegisteredModel.LoadAsync(project.Artifacts, v, ct);
            var labels = model.Manifest.Plan.Labels(table);
            var evaluator = new ModelEvaluator(model.Manifest.Threshold, project.Config.Seed);
            var metrics = evaluator.Evaluate(model.Score(table), labels);
            var prior = v.Metrics.TryGetValue("baseline_positive_rate", out var rate) ? rate : labels.Count(l => l) / (double)labels.Length;
            var baseline = evaluator.Evaluate(new PriorBaseline(prior).Score(table.RowCount), labels);
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = name, version = v.Version, snapshot = snapshot.Id, data, rows = table.RowCount, metrics, baseline });
                return 0;
            }
            ctx.Human.Write(Tables.Of("model", "metrics").Row($"{name} v{v.Version}", Tables.Metrics(metrics)).Row("baseline (class prior)", Tables.Metrics(baseline)));
            ctx.Human.WriteLine($"on the {data}; AUC 95% interval [{Tables.Format(metrics.GetValueOrDefault("auc_low"))}, {Tables.Format(metrics.GetValueOrDefault("auc_high"))}]");
            return 0;
        }));
        return command;
    }

    // With no evaluation dataset, the rows the model never trained on: the validation split of the snapshot it
    // was trained on (or, if that is gone, of the newest training snapshot), never the whole training table.
    private static async Task<(SnapshotInfo Snapshot, DataTable Table, string Data)> EvaluationRowsAsync(
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
