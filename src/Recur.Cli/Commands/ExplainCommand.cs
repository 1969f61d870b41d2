using System.CommandLine;
using Recur.Core.Modeling;

namespace Recur.Cli.Commands;

/// <summary><c>recur explain INPUT.csv</c>: exact TreeSHAP contributions of each raw input to each row's raw score.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "CSV file with a header row holding the model's raw inputs" };
        var key = new Option<string?>("--key") { Description = "Column holding each row's key (default: recur.yaml 'key', else row-N)" };
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var alias = new Option<string?>("--alias") { Description = "Model alias" };
        var top = new Option<int>("--top") { Description = "Inputs shown per row in the human output, largest |contribution| first", DefaultValueFactory = _ => 5 };
        var command = new Command("explain", "Explain predictions: each raw input's exact contribution (TreeSHAP) to the raw score, which they sum to with the expected value") { input, key, version, alias, top };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var (loaded, model) = await FeaturesCommand.LoadAsync(ctx, parse.GetValue(version), parse.GetValue(alias), ct);
            var (table, keys, _) = PredictCommand.ReadRows(ctx.OpenProject(), model.Manifest.Plan, parse.GetValue(input)!, parse.GetValue(key));
            var plan = model.Manifest.Plan;
            var outputs = plan.ScoreOutputs;
            var explanations = model.Explain(table);
            var rows = explanations.Select((e, r) => new
            {
                key = keys[r],
                expected = outputs.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => e.Expected[p.i]),
                contributions = outputs.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => e.Contributions[p.i]),
            }).ToList();
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = loaded.Version.Model, version = loaded.Version.Version, task = plan.Task.ToName(), score = plan.Task == ModelTask.Binary ? "log-odds of the positive class" : plan.Task == ModelTask.Multiclass ? "class score before softmax" : "value", outputs, rows });
                return 0;
            }
            foreach (var row in rows.Take(20))
            {
                var output = outputs[0];
                var largest = row.contributions[output].OrderByDescending(p => Math.Abs(p.Value)).Take(parse.GetValue(top));
                ctx.Human.WriteLine($"{row.key} ({output}): expected {Tables.Format(row.expected[output])} + contributions {Tables.Format(row.contributions[output].Values.Sum())}");
                foreach (var (name, value) in largest) ctx.Human.WriteLine($"  {name,-24} {(value >= 0 ? "+" : "")}{Tables.Format(value)}");
            }
            return 0;
        }));
        return command;
    }
}
