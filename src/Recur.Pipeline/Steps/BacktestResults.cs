using Recur.Core.Modeling;
using Recur.Evaluation.Backtesting;

namespace Recur.Pipeline.Steps;

/// <summary>What <c>recur backtest</c> was asked for on the command line; null keeps recur.yaml's setting.</summary>
/// <param name="Window">--window: expanding or sliding.</param>
/// <param name="Folds">--folds: the number of folds.</param>
public sealed record BacktestOverrides(string? Window = null, int? Folds = null);

/// <summary>One fold's rows, its time range, the model's metrics on its test window and the baselines' metric.</summary>
/// <param name="Fold">The fold's positions in the time-ordered rows.</param>
/// <param name="TrainFrom">The time of the first training row, as written in the data.</param>
/// <param name="TrainTo">The time of the last training row.</param>
/// <param name="TestFrom">The time of the first test row.</param>
/// <param name="TestTo">The time of the last test row.</param>
/// <param name="Metrics">Every metric of the task on the test window, with seeded bootstrap 95 % intervals (<c>NAME_low</c>, <c>NAME_high</c>).</param>
/// <param name="Baselines">Each heuristic baseline (fitted on the fold's training rows) by name: its value of the backtest metric.</param>
/// <param name="Baseline">The best baseline's name on this fold.</param>
public sealed record BacktestFoldResult(
    BacktestFold Fold, string TrainFrom, string TrainTo, string TestFrom, string TestTo,
    IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, double> Baselines, string Baseline);

/// <summary>The metric across folds: its mean, sample standard deviation, range, and the best baselines' mean.</summary>
/// <param name="Metric">The metric (the promotion metric).</param>
/// <param name="Mean">Mean over the folds.</param>
/// <param name="StdDev">Sample standard deviation over the folds (0 for one fold).</param>
/// <param name="Min">Smallest fold value.</param>
/// <param name="Max">Largest fold value.</param>
/// <param name="BaselineMean">Mean of the best baseline's value over the folds.</param>
public sealed record BacktestSummary(string Metric, double Mean, double StdDev, double Min, double Max, double BaselineMean);

/// <summary>A whole backtest: how the folds were cut and what each scored. Nothing was registered.</summary>
/// <param name="Snapshot">The training snapshot backtested.</param>
/// <param name="Task">The task.</param>
/// <param name="Trainer">The trainer refitted on every fold.</param>
/// <param name="TimeColumn">The column that ordered the rows.</param>
/// <param name="Window">The window kind.</param>
/// <param name="Rows">Rows in the snapshot.</param>
/// <param name="Gap">Rows left out between each fold's training rows and its test window.</param>
/// <param name="Folds">The folds, earliest first.</param>
/// <param name="Summary">The metric across folds.</param>
public sealed record BacktestOutcome(
    string Snapshot, ModelTask Task, string Trainer, string TimeColumn, BacktestWindow Window, int Rows, int Gap,
    IReadOnlyList<BacktestFoldResult> Folds, BacktestSummary Summary);
