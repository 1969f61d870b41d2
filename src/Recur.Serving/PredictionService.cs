using System.Text.Json;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Serving.Log;
using Recur.Serving.Requests;

namespace Recur.Serving;

/// <summary>
/// Answers keyed prediction requests: resolve the version, validate the instances against its input
/// contract, score, apply the version's threshold, and log every prediction with its key.
/// </summary>
public sealed class PredictionService(ModelPool pool, PredictionLogWriter log, TimeProvider time, ServingConfig limits)
{
    /// <summary>Predicts for a request body.</summary>
    public async Task<IReadOnlyList<PredictionResult>> PredictAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        var manifest = loaded.Model.Manifest;
        var batch = InstanceReader.Read(body, manifest.Plan, limits);
        var scores = loaded.Model.Score(batch.Features);
        var now = time.GetUtcNow();
        var results = new PredictionResult[scores.Length];
        var records = new PredictionRecord[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var label = scores[i] >= manifest.Threshold ? manifest.Plan.Positive : manifest.Plan.Negative;
            results[i] = new PredictionResult(batch.Keys[i], label, scores[i], loaded.Version.Version);
            records[i] = new PredictionRecord(batch.Keys[i], loaded.Version.Model, loaded.Version.Version, now, batch.InputsJson[i], label, scores[i]);
        }
        log.Enqueue(records);
        return results;
    }
}
