using System.Text.Json;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Serving.Log;
using Recur.Serving.Requests;

namespace Recur.Serving;

/// <summary>
/// Answers keyed predictions for REST and for <c>recur predict</c> alike: resolve the version, validate
/// the instances against its input contract, score for the model's task, and log every prediction
/// with its key.
/// </summary>
/// <remarks>recur.yaml's <c>safeguards:</c> wrap the scoring of each version (<see cref="Safeguards.CompiledSafeguards.Apply"/>); a
/// version trained with <c>features.windows</c> gets its window features from <see cref="Windows.WindowFeatureBook"/> before
/// its instances are read.</remarks>
public sealed partial class PredictionService(ModelPool pool, PredictionLogWriter log, TimeProvider time, ServingConfig limits, Safeguards.SafeguardBook? safeguards = null,
    Microsoft.Extensions.Logging.ILogger<PredictionService>? logger = null, Routing.RouteSource? routes = null, Routing.ShadowScorer? shadows = null, Routing.TargetPicker? picker = null,
    Windows.WindowFeatureBook? windows = null)
{
    /// <summary>Predicts for a request body.</summary>
    public async Task<IReadOnlyList<PredictionResult>> PredictAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        var (results, records) = Score(loaded, InstanceReader.Read(WithWindows(loaded, body), loaded.Model.Manifest.Plan, limits), time.GetUtcNow(), route: null, role: null);
        // Answered ⇒ stored: with serving.log.durability fsync this waits for the records' fsync (or refuses with 503).
        await log.AppendAsync(records);
        return results;
    }

    /// <summary>
    /// The body with the version's window features (<c>features.windows</c>) computed from its live state and added to each
    /// instance; the body itself for a version without windows. Each call advances the state, so only scoring calls it.
    /// </summary>
    internal JsonElement WithWindows(LoadedModel loaded, JsonElement body) => windows is null ? body : windows.Complete(loaded, body);

    /// <summary>
    /// The features the version's learner reads for a request body's instances (its feature chain applied), keyed, not
    /// logged: what training computed for the same raw rows.
    /// </summary>
    public async Task<(LoadedModel Loaded, PredictBatch Batch, Core.Data.DataTable Features)> FeaturesAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        var batch = InstanceReader.Read(body, loaded.Model.Manifest.Plan, limits);
        return (loaded, batch, loaded.Model.Features(batch.Features));
    }

    /// <summary>Explains a request body's instances with the version's model (not logged).</summary>
    public async Task<(LoadedModel Loaded, PredictBatch Batch, IReadOnlyList<RowExplanation> Rows)> ExplainAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        var batch = InstanceReader.Read(body, loaded.Model.Manifest.Plan, limits);
        return (loaded, batch, loaded.Model.Explain(batch.Features));
    }

    /// <summary>Predicts for instances already read (a file's rows), with the version already resolved, through the version's safeguards.</summary>
    public IReadOnlyList<PredictionResult> Predict(LoadedModel loaded, PredictBatch batch) => Predict(loaded, batch, logged: true);

    /// <summary>Predicts for instances already read; <paramref name="logged"/> false leaves them out of the prediction log (<c>recur predict --no-log</c>).</summary>
    public IReadOnlyList<PredictionResult> Predict(LoadedModel loaded, PredictBatch batch, bool logged)
    {
        var (results, records) = Score(loaded, batch, time.GetUtcNow(), route: null, role: null);
        if (logged) log.Enqueue(records);
        return results;
    }

    /// <summary>
    /// Scores a batch with one version through its safeguards and builds its log records (not yet logged), stamped
    /// <paramref name="now"/> and marked with the route and role that chose the version.
    /// </summary>
    internal (PredictionResult[] Results, PredictionRecord[] Records) Score(LoadedModel loaded, PredictBatch batch, DateTimeOffset now, string? route, string? role)
    {
        var started = time.GetTimestamp();
        var plan = loaded.Model.Manifest.Plan;
        List<string>?[]? rules = null;
        ModelOutput output;
        if (safeguards?.For(loaded) is { } guards)
        {
            var guarded = guards.Apply(batch, plan, loaded.Model.Predict, loaded.PolicyThreshold ?? loaded.Model.Manifest.Threshold, time);
            (output, rules) = (guarded.Output, guarded.Rules);
            if (guarded.ModelError is { } error && logger is not null) Safeguards.SafeguardsLog.ModelFellBack(logger, loaded.Version.Model, loaded.Version.Version, rules.Length, error);
        }
        else
        {
            output = loaded.Model.Predict(batch.Features);
            // The decision policy beside the version, when one is recorded, decides the label instead of the file's threshold.
            if (loaded.PolicyThreshold is { } threshold && output.Task == ModelTask.Binary) output = ModelOutput.Binary(output.Scores, plan, threshold);
        }
        var classes = plan.ClassNames;
        // The Deployable Canary Model: the version's surrogate answers the same rows; its answer is logged, never returned.
        var surrogate = loaded.Model.Manifest.Surrogate?.Predict(batch.Features, plan, loaded.PolicyThreshold ?? loaded.Model.Manifest.Threshold);
        var latency = route is null ? (double?)null : time.GetElapsedTime(started).TotalMilliseconds;
        var results = new PredictionResult[output.Scores.Length];
        var records = new PredictionRecord[output.Scores.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var scores = output.ClassScores is { } all ? classes.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => all[i][p.k], StringComparer.Ordinal) : null;
            var fired = rules?[i];
            results[i] = new PredictionResult(batch.Keys[i], output.Task, output.Labels[i], output.Scores[i], scores, loaded.Version.Version, fired, Detail: output.Details?[i]);
            records[i] = new PredictionRecord(batch.Keys[i], loaded.Version.Model, loaded.Version.Version, now, batch.InputsJson[i], output.Labels[i], output.Scores[i],
                route, role, latency, fired is null ? null : string.Join(',', fired), surrogate?.Labels[i], surrogate?.Scores[i]);
        }
        return (results, records);
    }
}
