using System.Text;
using System.Text.Json;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Serving.Requests;

namespace Recur.Serving.Routing;

/// <summary>Builds a <see cref="RouteReport"/> from the prediction log, the feedback and (for the two-phase cost) the full model.</summary>
public sealed class RouteReporter(IPredictionLog log, IFeedbackStore feedback, ModelPool pool, Core.Project.ServingConfig limits)
{
    /// <summary>The report of one route of a model, over the log since <paramref name="since"/> (all of it when null).</summary>
    public async Task<RouteReport> BuildAsync(string model, string route, Route? declared, DateTimeOffset? since, CancellationToken ct = default)
    {
        var records = await log.ReadRouteAsync(model, route, since, ct);
        var answered = records.Where(r => r.Role != PredictionRecord.ShadowRole).ToList();
        var shadow = records.Where(r => r.Role == PredictionRecord.ShadowRole).ToList();

        var versions = answered.GroupBy(r => (r.Version, r.Role)).OrderBy(g => g.Key.Version).ThenBy(g => g.Key.Role, StringComparer.Ordinal)
            .Select(g => Share(g.Key.Version, g.Key.Role, g.ToList(), answered.Count))
            .Concat(shadow.GroupBy(r => r.Version).OrderBy(g => g.Key).Select(g => Share(g.Key, PredictionRecord.ShadowRole, g.ToList(), shadow.Count)))
            .ToList();

        TwoPhaseReport? twoPhase = null;
        if (answered.Any(r => r.Role is PredictionService.FastPhase or PredictionService.FullPhase))
        {
            twoPhase = await TwoPhaseAsync(model, route, declared, since, answered, ct);
        }
        return new RouteReport(model, route, since, answered.Count, versions, shadow.Count == 0 ? null : Compare(answered, shadow), twoPhase);
    }

    private static VersionShare Share(int version, string? role, List<PredictionRecord> records, long of)
    {
        // A request's rows share its latency: count each request once (same time, same version).
        var latencies = records.Where(r => r.LatencyMs is not null).GroupBy(r => r.Timestamp).Select(g => g.First().LatencyMs!.Value).Order().ToArray();
        return new VersionShare(version, role, records.Count, Routing.Share.Of(records.Count, of),
            latencies.Length == 0 ? null : Percentile(latencies, 0.5), latencies.Length == 0 ? null : Percentile(latencies, 0.99));
    }

    private static ShadowComparison Compare(List<PredictionRecord> answered, List<PredictionRecord> shadow)
    {
        var primary = new Dictionary<(string, DateTimeOffset), PredictionRecord>();
        foreach (var r in answered) primary[(r.Key, r.Timestamp)] = r;
        var agree = 0L;
        var deltas = new List<double>();
        foreach (var s in shadow)
        {
            if (!primary.TryGetValue((s.Key, s.Timestamp), out var p)) continue;
            deltas.Add(s.Score - p.Score);
            if (s.Label == p.Label) agree++;
        }
        var classification = shadow.Any(s => s.Label.Length > 0);
        var abs = deltas.Select(Math.Abs).Order().ToArray();
        return new ShadowComparison(shadow.Select(s => s.Version).Distinct().Order().ToList(), deltas.Count,
            classification ? Routing.Share.Of(agree, deltas.Count) : null,
            deltas.Count == 0 ? 0 : deltas.Average(), abs.Length == 0 ? 0 : abs.Average(), abs.Length == 0 ? 0 : Percentile(abs, 0.95));
    }

    private async Task<TwoPhaseReport> TwoPhaseAsync(string model, string route, Route? declared, DateTimeOffset? since, List<PredictionRecord> answered, CancellationToken ct)
    {
        var fastCount = answered.Count(r => r.Role == PredictionService.FastPhase);
        var phased = answered.Count(r => r.Role is PredictionService.FastPhase or PredictionService.FullPhase);
        var labelled = (await feedback.JoinAsync(model, since, ct)).Where(l => l.Prediction.Route == route).ToList();
        var fast = labelled.Where(l => l.Prediction.Role == PredictionService.FastPhase).ToList();
        var full = labelled.Where(l => l.Prediction.Role == PredictionService.FullPhase).ToList();
        Share? Accuracy(List<LabelledPrediction> rows) => rows.Count == 0 ? null : Routing.Share.Of(rows.Count(l => l.Prediction.Label == l.TrueLabel), rows.Count);

        Share? fullOnFast = null;
        double? cost = null, low = null, high = null;
        if (fast.Count > 0 && declared is not null)
        {
            var loaded = await pool.GetAsync(declared.Targets[0].Selector, ct);
            var labels = Rescore(loaded, fast.Select(l => l.Prediction).ToList());
            // Paired differences per row: full right minus fast right.
            var diffs = fast.Select((l, i) => (labels[i] == l.TrueLabel ? 1.0 : 0.0) - (l.Prediction.Label == l.TrueLabel ? 1.0 : 0.0)).ToArray();
            fullOnFast = Routing.Share.Of(fast.Where((l, i) => labels[i] == l.TrueLabel).Count(), fast.Count);
            cost = diffs.Average();
            var sd = diffs.Length > 1 ? Math.Sqrt(diffs.Sum(d => (d - cost.Value) * (d - cost.Value)) / (diffs.Length - 1)) : 0;
            var half = 1.96 * sd / Math.Sqrt(diffs.Length);
            (low, high) = (cost - half, cost + half);
        }
        return new TwoPhaseReport(Routing.Share.Of(fastCount, phased), Accuracy(fast), Accuracy(full), fullOnFast, cost, low, high);
    }

    // The labels a version gives the logged inputs (read through the same input contract as a request).
    private string[] Rescore(LoadedModel loaded, List<PredictionRecord> records)
    {
        var labels = new List<string>(records.Count);
        foreach (var chunk in records.Chunk(Requests.InstanceReader.MaxInstances))
        {
            var body = new StringBuilder("{\"instances\":[");
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0) body.Append(',');
                body.Append("{\"key\":").Append(JsonSerializer.Serialize(chunk[i].Key)).Append(",\"features\":").Append(chunk[i].InputsJson).Append('}');
            }
            using var document = JsonDocument.Parse(body.Append("]}").ToString());
            var output = loaded.Model.Predict(InstanceReader.Read(document.RootElement, loaded.Model.Manifest.Plan, limits).Features);
            if (loaded.PolicyThreshold is { } threshold && output.Task == ModelTask.Binary) output = ModelOutput.Binary(output.Scores, loaded.Model.Manifest.Plan, threshold);
            labels.AddRange(output.Labels);
        }
        return [.. labels];
    }

    private static double Percentile(double[] sorted, double q)
    {
        var rank = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }
}
