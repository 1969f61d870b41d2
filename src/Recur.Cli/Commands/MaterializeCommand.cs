using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Pipeline.Steps;
using Recur.Serving;
using Recur.Training;

namespace Recur.Cli.Commands;

/// <summary><c>recur features materialize</c>: a model's features for a dataset's newest snapshot, stored in the lake as one keyed feature set per group.</summary>
internal static class MaterializeCommand
{
    public static void AddTo(Command features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var dataset = new Option<string>("--dataset") { Description = "The dataset whose newest snapshot is featurized", DefaultValueFactory = _ => "train" };
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var command = new Command("materialize", "Compute a model's features for a dataset's newest snapshot and store one feature set per feature group, keyed by the entity key, in the lake") { dataset, version };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var loaded = await project.Services.GetRequiredService<ModelPool>().GetAsync(ModelSelector.From(project.Config.Name, parse.GetValue(version), null), ct);
            var model = loaded.Model as TrainedModel ?? throw RecurException.Invalid($"{loaded.Version.Model} v{loaded.Version.Version} is not a Recur model file");
            var snapshot = await project.LatestSnapshotAsync(parse.GetValue(dataset)!, ct);
            var manifest = await FeatureSetStep.RunAsync(project, loaded.Version, model, snapshot, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    model = manifest.Model, version = manifest.Version, dataset = manifest.Dataset, snapshot = manifest.Snapshot, key = manifest.Key,
                    folder = manifest.Folder, manifest = Path.Combine(manifest.Folder, FeatureSetStep.ManifestFile), rows = snapshot.Rows,
                    groups = manifest.Groups.Select(g => new { group = g.Group, columns = g.Columns, rows = g.Rows, file = Path.Combine(manifest.Folder, g.File), sha256 = g.Sha256 }),
                });
                return 0;
            }
            var table = Tables.Of("group", "features", "rows", "file");
            foreach (var g in manifest.Groups) table.Row(g.Group, g.Columns.Count, g.Rows, g.File);
            ctx.Human.Write(table);
            ctx.Human.WriteLine($"{manifest.Model} v{manifest.Version} on snapshot {manifest.Snapshot[..12]} of '{manifest.Dataset}', keyed by {manifest.Key}: {manifest.Folder}");
            return 0;
        }));
        features.Subcommands.Add(command);
    }
}
