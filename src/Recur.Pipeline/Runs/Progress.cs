using Recur.Core;
using Recur.Core.Runs;

namespace Recur.Pipeline.Runs;

/// <summary>
/// Builds the progress chart from the stored runs (<c>recur progress</c>, the training report's Progress section): every
/// <c>train</c> and <c>retrain</c> run of the model, experiments excluded, with the chosen metric's value and interval.
/// </summary>
public static class Progress
{
    /// <summary>The run kinds charted.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["train", "retrain"];

    /// <summary>
    /// The chart of <paramref name="metric"/> (null: the metric the latest finished run was gated on) across the model's runs.
    /// A metric no finished run measured is an error naming <paramref name="key"/> and the metrics that were measured.
    /// </summary>
    public static ProgressChart From(IReadOnlyList<RunRecord> runs, string model, string? metric, string key = "--metric")
    {
        ArgumentNullException.ThrowIfNull(runs);
        var ours = runs.Where(r => r.Model == model && r.Experiment is null && Kinds.Contains(r.Kind)).OrderBy(r => r.Started).ToList();
        var finished = ours.Where(r => r.Status == RunStatus.Finished).ToList();
        metric ??= finished.LastOrDefault(r => r.Metric.Length > 0)?.Metric;
        if (metric is null) return new ProgressChart(model, "", ours.FirstOrDefault()?.Started, []);
        if (finished.Count > 0 && !finished.Any(r => r.Metrics.ContainsKey(metric)))
        {
            var known = finished.SelectMany(r => r.Metrics.Keys).Where(k => !k.EndsWith("_low", StringComparison.Ordinal) && !k.EndsWith("_high", StringComparison.Ordinal)).Distinct().Order();
            throw RecurException.Invalid($"{key}: no run of '{model}' measured '{metric}' (measured: {string.Join(", ", known)})", key);
        }
        var began = runs.Where(r => r.Model == model).Select(r => r.Started).DefaultIfEmpty(ours.FirstOrDefault()?.Started ?? default).Min();
        var points = ours.Select(r =>
        {
            var done = r.Status == RunStatus.Finished;
            double? Get(IReadOnlyDictionary<string, double> m, string name) => done && m.TryGetValue(name, out var v) && double.IsFinite(v) ? v : null;
            return new ProgressPoint(r.Id, r.Kind, r.Started, (r.Started - began).TotalDays, r.Status,
                Get(r.Metrics, metric), Get(r.Metrics, metric + "_low"), Get(r.Metrics, metric + "_high"), Get(r.Baseline, metric),
                r.Version, done && r.Promoted);
        }).ToList();
        return new ProgressChart(model, metric, ours.Count == 0 ? null : began, points);
    }
}
