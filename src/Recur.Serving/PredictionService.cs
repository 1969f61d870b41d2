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
public sealed class PredictionService(ModelPool pool, PredictionLogWriter log, TimeProvider time, ServingConfig limits)
{
    /// <summary>Predicts for a request body.</summary>
    public async Task<IReadOnlyList<PredictionResult>> PredictAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        return Predict(loaded, InstanceReader.Read(body, loaded.Model.Manifest.Plan, limits));
    }

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

    /// <summary>Predicts for instances already read (a file's rows), with the version already resolved.</summary>
    public IReadOnlyList<PredictionResult> Predict(LoadedModel loaded, PredictBatch batch) => Predict(loaded, batch, logged: true);

    /// <summary>Predicts for instances already read; <paramref name="logged"/> false leaves them out of the prediction log (<c>recur predict --no-log</c>).</summary>
    public IReadOnlyList<PredictionResult> Predict(LoadedModel loaded, PredictBatch batch, bool logged)
    {
        var output = loaded.Model.Predict(batch.Features);
        // The decision policy beside the version, when one is recorded, decides the label instead of the file's threshold.
        if (loaded.PolicyThreshold is { } threshold && output.Task == ModelTask.Binary) output = ModelOutput.Binary(output.Scores, loaded.Model.Manifest.Plan, threshold);
        var classes = loaded.Model.Manifest.Plan.ClassNames;
        var now = time.GetUtcNow();
        var results = new PredictionResult[output.Scores.Length];
        var records = new PredictionRecord[logged ? output.Scores.Length : 0];
        for (var i = 0; i < results.Length; i++)
        {
            var scores = output.ClassScores is { } all ? classes.Select((c, k) => (c, k)).ToDictionary(p => p.c, p => all[i][p.k], StringComparer.Ordinal) : null;
            results[i] = new PredictionResult(batch.Keys[i], output.Task, output.Labels[i], output.Scores[i], scores, loaded.Version.Version);
            if (logged) records[i] = new PredictionRecord(batch.Keys[i], loaded.Version.Model, loaded.Version.Version, now, batch.InputsJson[i], output.Labels[i], output.Scores[i]);
        }
        if (logged) log.Enqueue(records);
        return results;
    }
}
