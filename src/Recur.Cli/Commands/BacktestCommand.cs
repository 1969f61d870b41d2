using System.CommandLine;
using Recur.Core.Modeling;
using Recur.Evaluation.Backtesting;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary><c>recur backtest</c>: rolling-origin evaluation of the configured trainer on the time-ordered training snapshot.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var folds = new Option<int?>("--folds") { Description = "Number of folds (default: evaluation.backtest.folds)" };
        var window = new Option<string?>("--window") { Description = "expanding or sliding (default: evaluation.backtest.window)" };
        var dataset = new Option<string>("--dataset") { Description = "The dataset whose newest snapshot is backtested", DefaultValueFactory = _ => "train" };
        var command = new Command("backtest", "Rolling-origin backtest: refit the trainer on each fold's past rows and score the window after them; nothing is registered") { folds, window, dataset };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var snapshot = await project.LatestSnapshotAsync(parse.GetValue(dataset)!, ct);
            ctx.Progress($"backtesting snapshot {snapshot.Id[..12]} ({snapshot.Rows} rows)");
            var outcome = Backtest.Run(project, await project.ReadAsync(snapshot, ct), snapshot.Id, new BacktestOverrides(parse.GetValue(window), parse.GetValue(folds)));
            var report = BacktestReport.Write(project, outcome);
            var metric = outcome.Summary.Metric;
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    snapshot = outcome.Snapshot, task = outcome.Task.ToName(), trainer = outcome.Trainer, time = outcome.TimeColumn, window = outcome.Window.ToName(),
                    rows = outcome.Rows, gap = outcome.Gap, metric,
                    folds = outcome.Folds.Select(f => new
                    {
                        fold = f.Fold.Index + 1,
                        train = new { start = f.Fold.TrainStart, end = f.Fold.TrainEnd, rows = f.Fold.TrainRows, from = f.TrainFrom, to = f.TrainTo },
                        test = new { start = f.Fold.TestStart, end = f.Fold.TestEnd, rows = f.Fold.TestRows, from = f.TestFrom, to = f.TestTo },
                        metrics = f.Metrics,
                        baseline = new { name = f.Baseline, value = f.Baselines.GetValueOrDefault(f.Baseline, double.NaN) },
                        baselines = f.Baselines,
                    }),
                    summary = new { metric, mean = outcome.Summary.Mean, std_dev = outcome.Summary.StdDev, min = outcome.Summary.Min, max = outcome.Summary.Max, baseline_mean = outcome.Summary.BaselineMean },
                    report,
                });
                return 0;
            }
            var table = Tables.Of("fold", "train rows", "test rows", "test times", metric, "95% interval", "best baseline");
            foreach (var f in outcome.Folds)
            {
                table.Row(f.Fold.Index + 1, f.Fold.TrainRows, f.Fold.TestRows, $"{f.TestFrom} … {f.TestTo}", f.Metrics.GetValueOrDefault(metric, double.NaN),
                    $"[{Tables.Format(f.Metrics.GetValueOrDefault(metric + "_low", double.NaN))}, {Tables.Format(f.Metrics.GetValueOrDefault(metric + "_high", double.NaN))}]",
                    $"{f.Baseline} {Tables.Format(f.Baselines.GetValueOrDefault(f.Baseline, double.NaN))}");
            }
            ctx.Human.Write(table);
            var s = outcome.Summary;
            ctx.Human.WriteLine($"{outcome.Window.ToName()} window on {outcome.TimeColumn}, {outcome.Trainer}: {metric} mean {Tables.Format(s.Mean)}, sd {Tables.Format(s.StdDev)} over {outcome.Folds.Count} folds (best baseline mean {Tables.Format(s.BaselineMean)})");
            ctx.Human.WriteLine($"report: {report}");
            return 0;
        }));
        return command;
    }
}
