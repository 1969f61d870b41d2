using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Trainers;
using Recur.Tuning;

namespace Recur.Pipeline.Tuning;

/// <summary>
/// What one trial does: fit its trainer with its parameters on each fold's training rows of the training split, through the
/// fold's own feature chain (fitted once per fold and shared by every trial), and measure the promotion metric on the fold's
/// held-out rows, with its bootstrap interval. A LightGBM trial reports the metric every <see cref="ReportEvery"/> boosting
/// rounds of its first fold, so the pruner can stop it there; the other trainers report only their final value. The validation
/// split and the evaluation data are never passed here.
/// </summary>
public sealed class TrialObjective
{
    /// <summary>Boosting rounds between two intermediate values.</summary>
    public const int ReportEvery = 10;

    private readonly ProjectConfig _config;
    private readonly FeaturePlan _plan;
    private readonly IReadOnlyList<TuningFold> _folds;
    private readonly Lazy<FeatureChain?>[] _chains;
    private readonly int _threads;

    /// <summary>An objective over the folds of the training split.</summary>
    /// <param name="config">The project's configuration (training.search, features, seed, threshold).</param>
    /// <param name="plan">Features, label and task.</param>
    /// <param name="folds">The folds of the training split (<see cref="TuningFolds.Split"/>).</param>
    /// <param name="metric">The metric measured: the promotion metric.</param>
    /// <param name="threads">Threads each trial's learner may use (the machine's threads divided by the trials run at once).</param>
    /// <param name="embeddings">Where an embed feature step finds its artifact; null for none.</param>
    public TrialObjective(ProjectConfig config, FeaturePlan plan, IReadOnlyList<TuningFold> folds, string metric, int threads, IEmbeddingSource? embeddings)
    {
        _config = config;
        _plan = plan;
        _folds = folds;
        Metric = metric;
        _threads = Math.Max(1, threads);
        // Each fold's chain is fitted on that fold's training rows the first time a trial needs it, then reused by every trial.
        _chains = [.. folds.Select(f => new Lazy<FeatureChain?>(() => FeatureEngineering.Fit(config.Features, plan, f.Train, embeddings: embeddings).Chain,
            LazyThreadSafetyMode.ExecutionAndPublication))];
    }

    /// <summary>The metric measured.</summary>
    public string Metric { get; }

    /// <summary>The trainer and settings a trial's parameters stand for: searched values over the declared ones (or the trainer's defaults).</summary>
    public TrainerChoice Choice(IReadOnlyDictionary<string, string> parameters) => Choice(_config, parameters);

    /// <summary>The trainer and settings of a trial's parameters under <paramref name="config"/>.</summary>
    public static TrainerChoice Choice(ProjectConfig config, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (name, searched) = SearchSpaces.Split(config.Training.Search, parameters);
        var key = $"{SearchSpaces.Key}.{name}";
        var trainer = TrainerCatalog.Standard.Get(name, key);
        // A trainer the training section also declares keeps its declared values for what is not searched.
        var declared = TrainerChoice.From(config.Training, TrainerCatalog.Standard).FirstOrDefault(c => c.Trainer.Name == name)?.Settings.Describe()
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (parameter, value) in searched) declared[parameter] = value;
        return new TrainerChoice(trainer, TrainerSettings.From(trainer, declared, key), key);
    }

    /// <summary>Runs one trial (the <see cref="Objective"/> a study calls).</summary>
    public TrialResult Run(Trial trial, ITrialReporter reporter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(reporter);
        var choice = Choice(trial.Parameters);
        var threshold = _config.Evaluation.Threshold;
        var (values, lows, highs) = (new List<double>(), new List<double>(), new List<double>());
        for (var f = 0; f < _folds.Count; f++)
        {
            ct.ThrowIfCancellationRequested();
            var fold = _folds[f];
            var stopped = false;
            var last = double.NaN;
            // Only the first fold is watched, so every trial's intermediate values are on the same rows and comparable.
            var watch = f > 0 ? null : new BoostingWatch(fold.HeldOut, ReportEvery, (round, output) =>
            {
                last = Value(output, fold.HeldOut);
                stopped = ct.IsCancellationRequested || !reporter.Report(round, last);
                return !stopped;
            });
            var model = ModelFitter.Fit(_config.Name, fold.Train, _plan, choice, _threads, threshold, _config.Seed, _chains[f].Value, watch: watch);
            ct.ThrowIfCancellationRequested();
            // Pruned: the study records the last intermediate value; the remaining folds are not fitted.
            if (stopped) return new TrialResult(last, double.NaN, double.NaN);
            var metrics = TaskScoring.Evaluate(_plan, model.Predict(fold.HeldOut), fold.HeldOut, threshold, _config.Seed);
            values.Add(metrics.GetValueOrDefault(Metric, double.NaN));
            lows.Add(metrics.GetValueOrDefault(Metric + "_low", double.NaN));
            highs.Add(metrics.GetValueOrDefault(Metric + "_high", double.NaN));
        }
        // K folds: the mean of the folds' values; the interval is the mean of the folds' intervals (each fold's own bootstrap).
        return new TrialResult(values.Average(), lows.Average(), highs.Average());
    }

    // The metric's point value on the held-out rows, without an interval (for intermediate values).
    private double Value(ModelOutput output, DataTable rows) =>
        TaskScoring.MetricOn(_plan, output, rows, Metric, _config.Evaluation.Threshold, _config.Seed)([.. Enumerable.Range(0, rows.RowCount)]);

    /// <summary>A trial's parameters in one line, e.g. "leaves=31, learning_rate=0.05".</summary>
    public static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={Short(p.Value)}"));

    // Reals drawn by a sampler carry every digit; four significant ones are enough to read.
    private static string Short(string value) =>
        value.Contains('.', StringComparison.Ordinal) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v.ToString("G4", CultureInfo.InvariantCulture) : value;
}
