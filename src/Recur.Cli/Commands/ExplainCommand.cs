using System.CommandLine;
using Recur.Core;
using Recur.Core.Modeling;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur explain INPUT.csv</c>: exact contributions (TreeSHAP for trees, w·(x − E[x]) for linear models) of each raw
/// input to each row's raw score; <c>recur explain --global [INPUT.csv]</c>: mean |SHAP| and permutation importance.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "CSV file with a header row holding the model's raw inputs (with --global, also the label; default there: the evaluation rows)", Arity = ArgumentArity.ZeroOrOne };
        var key = new Option<string?>("--key") { Description = "Column holding each row's key (default: recur.yaml 'key', else row-N)" };
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var alias = new Option<string?>("--alias") { Description = "Model alias" };
        var top = new Option<int>("--top") { Description = "Inputs shown per row in the human output, largest |contribution| first", DefaultValueFactory = _ => 5 };
        var global = new Option<bool>("--global") { Description = "Global importance per raw input: mean |SHAP| and permutation importance with a 95% interval" };
        var repeats = new Option<int>("--repeats") { Description = "With --global: shuffles per column", DefaultValueFactory = _ => 5 };
        var explainRows = new Option<int>("--rows") { Description = "With --global: most rows explained for mean |SHAP| (a seeded sample beyond)", DefaultValueFactory = _ => 2000 };
        var command = new Command("explain", "Explain predictions: each raw input's exact contribution to the raw score, which they sum to with the expected value")
        {
            input, key, version, alias, top, global, repeats, explainRows,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var (loaded, model) = await FeaturesCommand.LoadAsync(ctx, parse.GetValue(version), parse.GetValue(alias), ct);
            if (parse.GetValue(global)) return await GlobalExplanation.RunAsync(ctx, loaded, model, parse.GetValue(input), parse.GetValue(repeats), parse.GetValue(explainRows), ct);
            var path = parse.GetValue(input) ?? throw RecurException.Invalid("recur explain needs INPUT.csv (or --global)", "input");
            var (table, keys, _) = PredictCommand.ReadRows(ctx.OpenProject(), model.Manifest.Plan, path, parse.GetValue(key));
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
                ctx.WriteJson(new { model = loaded.Version.Model, version = loaded.Version.Version, task = plan.Task.ToName(), score = ScoreName(plan.Task), outputs, rows });
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
        ExplainBenchCommand.AddTo(command);
        return command;
    }

    /// <summary>What the raw score explained is, per task.</summary>
    internal static string ScoreName(ModelTask task) =>
        task == ModelTask.Binary ? "log-odds (margin) of the positive class" : task == ModelTask.Multiclass ? "class score before softmax (one-versus-all: the class model's margin)" : "value";
}
