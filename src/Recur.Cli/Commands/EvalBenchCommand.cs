using System.CommandLine;
using System.Diagnostics;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Evaluation.Metrics;
using Recur.Lake.Ingest;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur eval bench</c>: percentile bootstrap intervals of AUC (<see cref="SortedAuc"/>) and accuracy
/// (<see cref="BootstrapInterval"/>) on the scores <c>bench/peers/shap_peer.py gen-scores</c> writes;
/// bench/peers/bootstrap-bench.sh runs it beside the NumPy peer. Reading the CSV is not timed.
/// </summary>
internal static class EvalBenchCommand
{
    public static void AddTo(Command eval)
    {
        var data = new Option<string>("--data") { Description = "CSV from shap_peer.py gen-scores (score,label)", Required = true };
        var resamples = new Option<int>("--resamples") { Description = "Bootstrap resamples", DefaultValueFactory = _ => 1000 };
        var bench = new Command("bench", "Time bootstrap intervals of AUC and accuracy like the NumPy peer") { data, resamples };
        bench.Hidden = true;
        bench.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx => Task.FromResult(Run(ctx, parse.GetValue(data)!, parse.GetValue(resamples)))));
        eval.Subcommands.Add(bench);
    }

    private static int Run(CommandContext ctx, string path, int resamples)
    {
        var table = DelimitedParser.ParseFile(Path.GetFullPath(path), new DatasetConfig { Header = true }, path).Table;
        if (!table.Has("score") || !table.Has("label")) throw RecurException.Invalid($"{path}: expected columns score,label (shap_peer.py gen-scores)", "--data");
        var scores = ((NumericColumn)table["score"]).Values;
        var labels = ((NumericColumn)table["label"]).Values.Select(v => v > 0.5).ToArray();
        var clock = Stopwatch.StartNew();
        var auc = new SortedAuc(scores, labels).Interval(resamples, 0.95, 42);
        var aucSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var accuracy = BootstrapInterval.Compute(scores, labels, Accuracy, resamples, 0.95, 42);
        var accuracySeconds = clock.Elapsed.TotalSeconds;
        var result = new
        {
            rows = scores.Length, resamples, seconds = aucSeconds + accuracySeconds, auc_seconds = aucSeconds, accuracy_seconds = accuracySeconds,
            auc = new[] { auc.Lower, auc.Upper }, accuracy = new[] { accuracy.Lower, accuracy.Upper },
        };
        if (ctx.Json) ctx.WriteJson(result);
        else ctx.Human.WriteLine($"{scores.Length} rows, {resamples} resamples: AUC [{auc.Lower:0.####}, {auc.Upper:0.####}] in {aucSeconds:0.###} s, accuracy [{accuracy.Lower:0.####}, {accuracy.Upper:0.####}] in {accuracySeconds:0.###} s");
        return 0;
    }

    private static double Accuracy(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var right = 0;
        for (var i = 0; i < scores.Length; i++) right += (scores[i] >= 0.5) == labels[i] ? 1 : 0;
        return (double)right / scores.Length;
    }
}
