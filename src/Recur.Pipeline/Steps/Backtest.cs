using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Backtesting;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Lake.Splitting;
using Recur.Pipeline.Config;
using Recur.Registry.Gates;
using Recur.Training;

namespace Recur.Pipeline.Steps;

/// <summary>
/// Rolling-origin backtesting: orders a snapshot's rows by time (stably), cuts the folds (<see cref="RollingOrigin"/>),
/// and per fold fits the feature chain and the configured trainer on the fold's training rows only, as
/// <c>recur train</c> does, then scores the fold's test window with the task's metrics (seeded bootstrap intervals)
/// and the heuristic baselines fitted on the same training rows. Nothing is saved or registered.
/// </summary>
public static class Backtest
{
    /// <summary>Runs the backtest of <paramref name="data"/> (the rows of <paramref name="snapshot"/>).</summary>
    /// <param name="project">The project (configuration, embeddings, logging).</param>
    /// <param name="data">The snapshot's rows.</param>
    /// <param name="snapshot">The snapshot's id.</param>
    /// <param name="overrides">Command-line settings that replace recur.yaml's.</param>
    public static BacktestOutcome Run(RecurProject project, DataTable data, string snapshot, BacktestOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(data);
        overrides ??= new BacktestOverrides();
        var config = project.Config;
        var declared = config.Evaluation.Backtest;
        var window = overrides.Window is { } w ? BacktestWindows.Parse(w, "--window") : BacktestWindows.Parse(declared.Window, "evaluation.backtest.window");
        if (overrides.Folds is < 1) throw RecurException.Invalid($"--folds: must be at least 1, not {overrides.Folds}", "--folds");
        var options = new RollingOriginOptions(window, overrides.Folds ?? declared.Folds, declared.TestSize, window == BacktestWindow.Sliding ? declared.TrainSize : null, declared.Gap);
        var (time, plan, metric, choice) = ConfigLocation.Checked(project.Root, () =>
        {
            var column = TimeColumn(config, data);
            var derived = FeaturePlan.From(config, data);
            var trainer = CandidateSelection.CheckTask(config, derived.Task)[0];
            return (column, derived, TrainingRun.GatesFor(config.Promotion, derived.Task).Metric, trainer);
        });
        var times = ConfigLocation.Checked(project.Root, () => Times(config, data[time]));
        var order = RollingOrigin.Order(times);
        var folds = ConfigLocation.Checked(project.Root, () => RollingOrigin.Folds(data.RowCount, options));

        var log = project.Logging.CreateLogger("Recur.Pipeline.Backtest");
        var threshold = config.Evaluation.Threshold;
        var threads = LightGbmTrainer.Threads(config.Training);
        var embeddings = new EmbeddingStore(new ProjectLayout(project.Root).Embeddings);
        var lower = MetricDirection.LowerIsBetter(metric);
        var results = new List<BacktestFoldResult>();
        foreach (var fold in folds)
        {
            var trainRows = fold.TrainPositions().Select(p => order[p]).ToArray();
            var testRows = fold.TestPositions().Select(p => order[p]).ToArray();
            var train = data.Take(trainRows);
            var test = data.Take(testRows);
            // The chain and the trainer see the fold's training rows only, as recur train fits on its training split.
            var features = ConfigLocation.Checked(project.Root, () => FeatureEngineering.Fit(config.Features, plan, train, embeddings: embeddings));
            var model = ModelFitter.Fit(config.Name, train, plan, choice, threads, threshold, config.Seed, features.Chain);
            var metrics = TaskScoring.Evaluate(plan, model.Predict(test), test, threshold, config.Seed);
            var baselines = TaskScoring.FitBaselines(plan, train, threshold)
                .ToDictionary(b => b.Name, b => TaskScoring.Evaluate(plan, b.Predict(test), test, threshold, config.Seed).GetValueOrDefault(metric, double.NaN));
            var best = Best(baselines, lower);
            log.BacktestFoldScored(fold.Index, fold.TrainRows, fold.TestRows, metric, metrics.GetValueOrDefault(metric, double.NaN), baselines.GetValueOrDefault(best, double.NaN));
            string At(int position) => data[time].Format(order[position]) ?? "";
            results.Add(new BacktestFoldResult(fold, At(fold.TrainStart), At(fold.TrainEnd - 1), At(fold.TestStart), At(fold.TestEnd - 1), metrics, baselines, best));
        }
        return new BacktestOutcome(snapshot, plan.Task, choice.Trainer.Name, time, window, data.RowCount, options.Gap, results, Summarize(metric, results));
    }

    /// <summary>The metric's mean, sample standard deviation and range over the folds, and the best baselines' mean.</summary>
    public static BacktestSummary Summarize(string metric, IReadOnlyList<BacktestFoldResult> folds)
    {
        ArgumentNullException.ThrowIfNull(folds);
        var values = folds.Select(f => f.Metrics.GetValueOrDefault(metric, double.NaN)).Where(double.IsFinite).ToArray();
        var baselines = folds.Select(f => f.Baselines.GetValueOrDefault(f.Baseline, double.NaN)).Where(double.IsFinite).ToArray();
        if (values.Length == 0) return new BacktestSummary(metric, double.NaN, double.NaN, double.NaN, double.NaN, baselines.Length == 0 ? double.NaN : baselines.Average());
        var mean = values.Average();
        var sd = values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return new BacktestSummary(metric, mean, sd, values.Min(), values.Max(), baselines.Length == 0 ? double.NaN : baselines.Average());
    }

    // evaluation.backtest.time, else split.time; the error names whichever key was read.
    private static string TimeColumn(ProjectConfig config, DataTable data)
    {
        var (column, key) = config.Evaluation.Backtest.Time is { } t ? (t, "evaluation.backtest.time") : (config.Split.Time, "split.time");
        if (column is null)
        {
            throw RecurException.Invalid("evaluation.backtest.time: a backtest needs a time column to order the rows: set evaluation.backtest.time (or split.time)", "evaluation.backtest.time");
        }
        if (!data.Has(column))
        {
            var columns = data.Columns.Select(c => c.Name).ToList();
            throw RecurException.Invalid($"{key}: no column named '{column}' to order the backtest by (columns: {string.Join(", ", columns.Take(12))}{(columns.Count > 12 ? ", …" : "")})", key);
        }
        return column;
    }

    // The time column's values; an unreadable one is reported against the key the column came from.
    private static double[] Times(ProjectConfig config, DataColumn column)
    {
        try
        {
            return TimeSplitter.Times(column);
        }
        catch (RecurException e) when (config.Evaluation.Backtest.Time is not null && e.Message.StartsWith("split.time: ", StringComparison.Ordinal))
        {
            throw RecurException.Invalid("evaluation.backtest.time: " + e.Message["split.time: ".Length..], "evaluation.backtest.time");
        }
    }

    private static string Best(IReadOnlyDictionary<string, double> baselines, bool lower) =>
        baselines.Where(b => double.IsFinite(b.Value)).OrderBy(b => lower ? b.Value : -b.Value).Select(b => b.Key).FirstOrDefault() ?? baselines.Keys.First();
}
