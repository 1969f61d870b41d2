using System.CommandLine;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary><c>recur robustness</c>: the boundary test of a registered version (default: the champion) on its evaluation rows.</summary>
internal static class RobustnessCommand
{
    public static Command Create()
    {
        var version = new Option<int?>("--version") { Description = "The model version (default: the champion)" };
        var dataset = new Option<string?>("--dataset") { Description = "Test on this dataset's newest snapshot (default: evaluation.dataset)" };
        var command = new Command("robustness", "Perturb evaluation rows near the decision boundary and report how often the decision flips") { version, dataset };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var name = project.Config.Name;
            var v = await ModelReference.ResolveAsync(project, null, parse.GetValue(version), ct);
            var model = await project.Models.LoadAsync(v, ct);
            var (table, data, _) = await EvaluationRun.RowsAsync(project, v, model.Manifest.Plan, parse.GetValue(dataset), ct);
            // The decision flips at the threshold the version decides at: its policy's when one is recorded.
            var (threshold, _) = await PolicyStep.ThresholdAsync(project, v, model.Manifest.Threshold, ct);
            // Numeric nudges are sized on the training split of the snapshot the version was trained on (the evaluation rows if it is gone).
            var trainedOn = v.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(v.Lineage.Snapshots[0], ct) : null;
            var train = table;
            if (trainedOn is not null)
            {
                var all = await project.ReadAsync(trainedOn, ct);
                train = all.Take(TrainingRun.SplitRows(project.Config, all).Train);
            }
            var result = RobustnessStep.Measure(project.Config, model.Manifest.Plan, model.Predict, table, train, threshold);
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = name, version = v.Version, data, threshold, robustness = result });
                return 0;
            }
            ctx.Human.WriteLine($"{name} v{v.Version} ({model.Manifest.Plan.Task.ToName()}) on the {data}");
            if (!result.Measured)
            {
                ctx.Human.WriteLine($"not measured: {result.Note}");
                return 0;
            }
            var table2 = Tables.Of("perturbation", "columns", "rows", "flips", "flip rate", "95% interval");
            foreach (var k in result.Kinds) table2.Row(k.Kind, string.Join(", ", k.Columns), k.Rows, k.Flips, k.FlipRate, $"[{Tables.Format(k.Low)}, {Tables.Format(k.High)}]");
            ctx.Human.Write(table2);
            foreach (var e in result.Kinds.SelectMany(k => k.Examples.Select(e => (k.Kind, e))))
            {
                ctx.Human.WriteLine($"flipped ({e.Kind}): {e.e.Row}, {e.e.Column} '{e.e.Before}' → '{e.e.After}': {e.e.DecisionBefore} → {e.e.DecisionAfter}");
            }
            ctx.Human.WriteLine($"robustness {Tables.Format(result.Score)} [{Tables.Format(result.Low)}, {Tables.Format(result.High)}]: {result.Flipped} of {result.Tested} rows near the boundary ({result.NearBoundary} within {Tables.Format(result.Band)}) flipped");
            return 0;
        }));
        return command;
    }
}
