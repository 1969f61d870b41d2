using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Evaluation.Metrics;

namespace Recur.Monitoring.Live;

/// <summary>What live performance is computed from.</summary>
/// <param name="Plan">The model's plan (task, classes, positive class).</param>
/// <param name="Logged">The answered predictions (shadow copies left out), any order.</param>
/// <param name="Joined">The feedback join (<see cref="IFeedbackStore.JoinAsync"/>); expired labels are left out here.</param>
/// <param name="Window">How the log is cut.</param>
/// <param name="Rules">The feedback rules (expiry).</param>
/// <param name="MinLabelled">Fewest labelled rows a window needs for metrics.</param>
/// <param name="Seed">Seed of every bootstrap.</param>
public sealed record LivePerformanceInput(FeaturePlan Plan, IReadOnlyList<PredictionRecord> Logged, IReadOnlyList<LabelledPrediction> Joined,
    PerformanceWindow Window, FeedbackRules Rules, int MinLabelled, int Seed)
{
    /// <summary>The decision threshold of a version (binary); 0.5 unless given.</summary>
    public Func<int, double> Threshold { get; init; } = _ => 0.5;

    /// <summary>Columns of the logged inputs to measure per group (fairness over time); none unless given.</summary>
    public IReadOnlyList<string> GroupColumns { get; init; } = [];

    /// <summary>Fewest labelled rows a group needs for its metric and to take part in the gap.</summary>
    public int MinGroup { get; init; } = 30;
}

/// <summary>One window of one version: its rows, its labelled rows, and the task's metrics with intervals.</summary>
/// <param name="Version">The model version.</param>
/// <param name="Start">The window's start.</param>
/// <param name="End">The window's end.</param>
/// <param name="Rows">Predictions logged in it.</param>
/// <param name="Labelled">Those joined to a usable label.</param>
/// <param name="Status"><c>ok</c>, or <c>insufficient_data</c> when fewer than the minimum were labelled (no metrics then).</param>
/// <param name="Metrics">The metrics, each with its 95 % interval; empty when the data are insufficient.</param>
/// <param name="Fairness">Per group column, the groups and the worst-group gaps.</param>
public sealed record WindowPerformance(int Version, DateTimeOffset Start, DateTimeOffset End, int Rows, int Labelled, string Status,
    IReadOnlyList<MetricValue> Metrics, IReadOnlyList<GroupFairness> Fairness);

/// <summary>Live performance over windows.</summary>
/// <param name="Window">The window as written.</param>
/// <param name="MinLabelled">Fewest labelled rows a window needs.</param>
/// <param name="Windows">Per version ascending, windows in time order.</param>
public sealed record LivePerformanceReport(string Window, int MinLabelled, IReadOnlyList<WindowPerformance> Windows);

/// <summary>
/// Continued evaluation per model version over windows: each window's predictions, those with a usable label, the
/// task's metrics with seeded bootstrap intervals (binary: AUC, accuracy, precision, recall, F1, log loss, Brier,
/// PR AUC; multiclass: accuracy, macro F1; regression: MAE, RMSE, R²), and per group of the sensitive columns.
/// </summary>
public static class LivePerformance
{
    /// <summary>Status of a window or group with enough labelled rows.</summary>
    public const string Ok = "ok";

    /// <summary>Status of a window or group with too few labelled rows for a number.</summary>
    public const string InsufficientData = "insufficient_data";

    /// <summary>Computes every window.</summary>
    public static LivePerformanceReport Compute(LivePerformanceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var labels = LabelsByPrediction(FeedbackJoin.Usable(input.Joined, input.Rules));
        var windows = new List<WindowPerformance>();
        foreach (var slice in input.Window.Cut(input.Logged))
        {
            var labelled = slice.Rows.Where(r => labels.ContainsKey(Identity(r))).Select(r => new LabelledPrediction(r, labels[Identity(r)])).ToList();
            var enough = labelled.Count >= input.MinLabelled;
            var metrics = enough ? Metrics(input.Plan, labelled, input.Threshold(slice.Version), input.Seed) : [];
            var fairness = input.GroupColumns.Select(c => LiveFairness.Of(c, input.Plan, slice.Rows, labelled, input.Threshold(slice.Version), input.MinGroup, input.Seed)).ToList();
            windows.Add(new WindowPerformance(slice.Version, slice.Start, slice.End, slice.Rows.Count, labelled.Count, enough ? Ok : InsufficientData, metrics, fairness));
        }
        return new LivePerformanceReport(input.Window.Text, input.MinLabelled, windows);
    }

    /// <summary>The task's metrics of labelled predictions, each with its seeded 95 % interval.</summary>
    public static IReadOnlyList<MetricValue> Metrics(FeaturePlan plan, IReadOnlyList<LabelledPrediction> labelled, double threshold, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(labelled);
        if (labelled.Count == 0) return [];
        var metrics = new Dictionary<string, double>(LiveMetrics.Compute(plan, labelled, threshold, seed));
        if (plan.Task == ModelTask.Binary)
        {
            BinaryMetricIntervals.AddTo(metrics, labelled.Select(j => j.Prediction.Score).ToArray(), labelled.Select(j => j.TrueLabel == plan.Positive).ToArray(), threshold, seed);
        }
        return MetricValue.WithIntervals(metrics);
    }

    // A logged prediction is labelled when it is the latest prediction of its key (the one the join used).
    private static Dictionary<(string, long, int), string> LabelsByPrediction(IReadOnlyList<LabelledPrediction> joined)
    {
        var map = new Dictionary<(string, long, int), string>();
        foreach (var j in joined) map[Identity(j.Prediction)] = j.TrueLabel;
        return map;
    }

    private static (string, long, int) Identity(PredictionRecord r) => (r.Key, r.Timestamp.UtcTicks, r.Version);
}
