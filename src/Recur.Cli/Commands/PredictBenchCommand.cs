using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Recur.Serving;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur predict bench --data FILE</c>: the plain scoring of the same rows by the loaded model, with nothing around it
/// (the rows already typed in memory, one <c>Predict</c> call over the whole table: for an ML.NET model its transformer's
/// <c>Transform</c> and a cursor enumerating the scores; for a <c>lightgbm</c> model the managed tree evaluator). Reading
/// the file is not timed. bench/peers/batch-scoring.sh runs it beside <c>recur predict</c> on the same file.
/// </summary>
internal static class PredictBenchCommand
{
    public static void AddTo(Command predict)
    {
        var data = new Option<string>("--data") { Description = "A CSV file of the model's inputs (the same file given to recur predict)", Required = true };
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs; the fastest is reported", DefaultValueFactory = _ => 3 };
        var bench = new Command("bench", "Time the loaded model's own scoring of a file's rows held in memory (the baseline for recur predict)") { data, version, repeat };
        bench.Hidden = true;
        bench.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var loaded = await project.Services.GetRequiredService<ModelPool>().GetAsync(ModelSelector.From(project.Config.Name, parse.GetValue(version), null), ct);
            var table = PredictCommand.ReadRows(project, loaded.Model.Manifest.Plan, parse.GetValue(data)!, null).Table;
            var best = double.MaxValue;
            var checksum = 0.0;
            for (var i = 0; i < Math.Max(1, parse.GetValue(repeat)); i++)
            {
                var clock = Stopwatch.StartNew();
                var output = loaded.Model.Predict(table);
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                checksum = output.Scores.Sum();
            }
            var result = new
            {
                rows = table.RowCount, seconds = Math.Round(best, 4), rows_per_second = Math.Round(table.RowCount / best),
                trainer = loaded.Model.Manifest.Trainer, model_version = loaded.Version.Version, score_sum = checksum,
            };
            if (ctx.Json) ctx.WriteJson(result);
            else ctx.Human.WriteLine($"{table.RowCount} rows scored in {best:0.###} s by {loaded.Model.Manifest.Trainer} v{loaded.Version.Version}: {table.RowCount / best:N0} rows/s");
            return 0;
        }));
        predict.Subcommands.Add(bench);
    }
}
