using System.Text.Json;
using Recur.Core;
using Recur.Core.Project;
using Recur.Serving.Requests;

namespace Recur.Serving.Batch;

/// <summary>The answer to <c>:batchPredict</c>: the scored instances with their positions, and the ones set aside.</summary>
public sealed record BatchPredictOutcome(LoadedModel Loaded, IReadOnlyList<PredictionResult> Results, IReadOnlyList<int> Indices, IReadOnlyList<InstanceError> Errors);

/// <summary>
/// <c>POST /v1/models/{name}:batchPredict</c>: scores the good instances of a request (logged, at the version's
/// policy threshold, like <c>:predict</c>) and sets each bad one aside with its index, key, field and error,
/// instead of refusing the whole request.
/// </summary>
public sealed class BatchPredictor(ModelPool pool, PredictionService service, ServingConfig limits)
{
    /// <summary>Scores a body <c>{"instances":[…]}</c>.</summary>
    public async Task<BatchPredictOutcome> PredictAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        return Score(loaded, InstanceReader.ReadEach(body, loaded.Model.Manifest.Plan, limits));
    }

    /// <summary>Scores instances given one per line (JSON Lines); a line that is not JSON is set aside like a bad instance.</summary>
    public async Task<BatchPredictOutcome> PredictLinesAsync(ModelSelector selector, IReadOnlyList<string> lines, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0) throw RecurException.Invalid("the body holds no instances (one JSON object per line)", "body");
        if (lines.Count > InstanceReader.MaxInstances) throw RecurException.Invalid($"the body holds {lines.Count} lines; at most {InstanceReader.MaxInstances} per request", "body");
        var loaded = await pool.GetAsync(selector, ct);
        var documents = new List<JsonDocument>(lines.Count);
        try
        {
            var elements = new List<JsonElement>(lines.Count);
            var unreadable = new List<InstanceError>();
            var positions = new List<int>(lines.Count);
            for (var i = 0; i < lines.Count; i++)
            {
                try
                {
                    var document = JsonDocument.Parse(lines[i], new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 64 });
                    documents.Add(document);
                    elements.Add(document.RootElement);
                    positions.Add(i);
                }
                catch (JsonException e)
                {
                    unreadable.Add(new InstanceError(i, null, $"instances[{i}]", $"instances[{i}]: line {i + 1} is not valid JSON: {e.Message.Split('\n')[0]}"));
                }
            }
            var (batch, indices, errors) = InstanceReader.ReadEach(elements, elements.Count, loaded.Model.Manifest.Plan, limits);
            // Positions among the parsed lines back to line positions; messages name the line's own index.
            var renumbered = errors.Select(e => Renumber(e, positions[e.Index])).Concat(unreadable).OrderBy(e => e.Index).ToList();
            return Score(loaded, (batch, indices.Select(i => positions[i]).ToList(), renumbered));
        }
        finally
        {
            foreach (var document in documents) document.Dispose();
        }
    }

    private BatchPredictOutcome Score(LoadedModel loaded, (PredictBatch Batch, IReadOnlyList<int> Indices, IReadOnlyList<InstanceError> Errors) read)
    {
        var results = read.Batch.Keys.Count == 0 ? [] : service.Predict(loaded, read.Batch);
        return new BatchPredictOutcome(loaded, results, read.Indices, read.Errors);
    }

    private static InstanceError Renumber(InstanceError error, int index)
    {
        string? Fix(string? text) => text?.Replace($"instances[{error.Index}]", $"instances[{index}]", StringComparison.Ordinal);
        return new InstanceError(index, error.Key, Fix(error.Field), Fix(error.Error)!);
    }
}
