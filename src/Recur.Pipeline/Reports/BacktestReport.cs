using System.Globalization;
using Recur.Core.Modeling;
using Recur.Evaluation.Backtesting;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

/// <summary>
/// The HTML page of <c>recur backtest</c>, <c>.recur/reports/backtest.html</c>: how the folds were cut, a table of
/// each fold's rows, times, metric with its interval and baseline, and a chart of the metric per fold.
/// </summary>
public static class BacktestReport
{
    /// <summary>Writes the page and returns its path.</summary>
    public static string Write(RecurProject project, BacktestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(outcome);
        var metric = outcome.Summary.Metric;
        var name = metric.Replace('_', ' ');
        var s = outcome.Summary;
        var report = new HtmlReport($"{project.Config.Name}: backtest")
            .Paragraph($"Rolling-origin backtest of snapshot {outcome.Snapshot[..Math.Min(12, outcome.Snapshot.Length)]} ({outcome.Rows} rows, task {outcome.Task.ToName()}, trainer {outcome.Trainer}), " +
                $"ordered by {outcome.TimeColumn}: {outcome.Folds.Count} folds, {outcome.Window.ToName()} window, gap {outcome.Gap} rows. " +
                "Each fold fits the feature chain and the trainer on its training rows only and is scored on the test window after them; nothing is registered.")
            .Paragraph($"{name} across folds: mean {F(s.Mean)}, standard deviation {F(s.StdDev)}, range [{F(s.Min)}, {F(s.Max)}]; best baseline mean {F(s.BaselineMean)}.")
            .Heading("Folds")
            .Table(["fold", "train rows", "train times", "test rows", "test times", name, "95% interval", "best baseline", $"baseline {name}"],
                outcome.Folds.Select(f => (IReadOnlyList<string>)
                [
                    (f.Fold.Index + 1).ToString(CultureInfo.InvariantCulture), $"{f.Fold.TrainStart}–{f.Fold.TrainEnd - 1}", $"{f.TrainFrom} … {f.TrainTo}",
                    $"{f.Fold.TestStart}–{f.Fold.TestEnd - 1}", $"{f.TestFrom} … {f.TestTo}", F(Metric(f, metric)),
                    $"[{F(Metric(f, metric + "_low"))}, {F(Metric(f, metric + "_high"))}]", f.Baseline, F(f.Baselines.GetValueOrDefault(f.Baseline, double.NaN)),
                ]))
            .Heading($"{name} per fold")
            .FoldChart([.. outcome.Folds.Select(f => new FoldPoint($"fold {f.Fold.Index + 1}", Metric(f, metric), Metric(f, metric + "_low"), Metric(f, metric + "_high"),
                    f.Baselines.GetValueOrDefault(f.Baseline, double.NaN)))],
                name, $"The model's {name} on each fold's test window with its bootstrap 95% interval, and the best heuristic baseline's (dashed).");
        var path = Path.Combine(project.ReportsDir, "backtest.html");
        report.Save(path);
        return path;
    }

    private static double Metric(BacktestFoldResult fold, string name) => fold.Metrics.GetValueOrDefault(name, double.NaN);

    private static string F(double value) => double.IsNaN(value) ? "" : value.ToString("0.####", CultureInfo.InvariantCulture);
}
