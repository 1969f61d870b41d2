using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Serving;
using Recur.Serving.Requests;
using Recur.Training;

namespace Recur.Cli.Commands;

/// <summary><c>recur features show|apply</c>: a model's fitted feature chain, and the features it computes for raw rows.</summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var command = new Command("features", "Inspect a model's fitted feature chain and compute its features");
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var alias = new Option<string?>("--alias") { Description = "Model alias" };

        var show = new Command("show", "Print a model's feature chain with its fitted parameters (vocabulary sizes, means, bucket edges)") { version, alias };
        show.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var (loaded, model) = await LoadAsync(ctx, parse.GetValue(version), parse.GetValue(alias), ct);
            var steps = (model.Chain?.Steps ?? []).Select(s =>
            {
                var outputs = s.Outputs();
                return new
                {
                    transform = Transform(s), inputs = s.Inputs, outputs = outputs.Count, first_outputs = outputs.Take(5).Select(o => o.Name).ToList(),
                    @fitted = s.Describe().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                };
            }).ToList();
            var inputs = model.Manifest.Plan.Features.Select(f => new { name = f.Name, type = f.Type.ToString().ToLowerInvariant() }).ToList();
            var features = model.LearnedFeatures.Select(f => new { name = f.Name, type = f.Type == Core.Data.ColumnType.Text ? "categorical" : "numeric", categories = f.Categories?.Count }).ToList();
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = loaded.Version.Model, version = loaded.Version.Version, inputs, steps, features = features.Count, feature_list = features });
                return 0;
            }
            ctx.Human.WriteLine($"{loaded.Version.Model} v{loaded.Version.Version}: {inputs.Count} raw inputs -> {steps.Count} fitted steps -> {features.Count} model features");
            if (steps.Count == 0) ctx.Human.WriteLine("no feature chain: the learner reads the raw inputs (text as categories)");
            var table = Tables.Of("#", "transform", "reads", "writes", "fitted");
            var i = 0;
            foreach (var s in steps)
            {
                table.Row(++i, s.transform, string.Join(", ", s.inputs), s.outputs == 1 ? s.first_outputs[0] : $"{s.outputs} columns ({string.Join(", ", s.first_outputs.Take(3))}, …)",
                    string.Join("; ", s.@fitted.Select(p => $"{p.Key}: {p.Value}")));
            }
            if (steps.Count > 0) ctx.Human.Write(table);
            return 0;
        }));

        var input = new Argument<string>("input") { Description = "CSV file with a header row holding the model's raw inputs" };
        var key = new Option<string?>("--key") { Description = "Column holding each row's key (default: recur.yaml 'key', else row-N)" };
        var apply = new Command("apply", "Compute the model's features for raw rows, as training and the REST API compute them (not logged)") { input, key, version, alias };
        apply.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var (loaded, model) = await LoadAsync(ctx, parse.GetValue(version), parse.GetValue(alias), ct);
            var (table, keys, parsed) = PredictCommand.ReadRows(ctx.OpenProject(), model.Manifest.Plan, parse.GetValue(input)!, parse.GetValue(key));
            var rows = FeatureRow.From(keys, model.Features(table));
            if (ctx.Json)
            {
                ctx.WriteJson(new { model_version = loaded.Version.Version, quarantined = parsed.Quarantined.Count, rows });
                return 0;
            }
            var names = model.LearnedFeatures.Select(f => f.Name).Take(8).ToArray();
            var shown = Tables.Of(["key", .. names]);
            foreach (var row in rows.Take(20)) shown.Row([row.Key, .. names.Select(n => row.Features[n])]);
            ctx.Human.Write(shown);
            ctx.Human.WriteLine($"{rows.Count} rows x {model.LearnedFeatures.Count} features (first 20 rows and 8 features shown; --json for all)");
            return 0;
        }));
        command.Subcommands.Add(show);
        command.Subcommands.Add(apply);
        EmbeddingCommands.AddTo(command);
        FeaturesBenchCommand.AddTo(command);
        MaterializeCommand.AddTo(command);
        return command;
    }

    internal static async Task<(LoadedModel Loaded, TrainedModel Model)> LoadAsync(CommandContext ctx, int? version, string? alias, CancellationToken ct)
    {
        var project = ctx.OpenProject();
        var loaded = await project.Services.GetRequiredService<ModelPool>().GetAsync(ModelSelector.From(project.Config.Name, version, alias), ct);
        return (loaded, loaded.Model as TrainedModel ?? throw RecurException.Invalid($"{loaded.Version.Model} v{loaded.Version.Version} is not a Recur model file"));
    }

    // The transform's name in recur.yaml, from the catalogue that tags the saved steps.
    private static string Transform(Features.Transforms.FittedTransform step) =>
        Features.Transforms.TransformCatalog.Standard.Transforms.First(t => t.FittedType == step.GetType()).Name;
}
