using Recur.Core.Modeling;
using Recur.Core.Serving;

namespace Recur.Serving.Batch;

/// <summary>
/// Publishes a batch run's keyed results (<c>recur predict --publish</c>): written to an open run chunk by
/// chunk, made current all at once when the run completes, dropped when it fails.
/// </summary>
public sealed class PublishedSink(IPublishedPredictions store, string model, int version, TimeProvider time) : IBatchSink
{
    private long? _run;
    private bool _completed;

    /// <inheritdoc />
    public async Task WriteAsync(ScoredChunk chunk, CancellationToken ct = default)
    {
        _run ??= await store.BeginAsync(model, version, ct);
        if (chunk.Results.Count == 0) return;
        var published = chunk.Results.Select(r => new PublishedPrediction(r.Key, model, r.ModelVersion, r.Task == ModelTask.Regression ? "" : r.Label, r.Score, r.Scores, default)).ToList();
        await store.PutAsync(_run.Value, published, ct);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        _run ??= await store.BeginAsync(model, version, ct);
        await store.CompleteAsync(_run.Value, time.GetUtcNow(), ct);
        _completed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_run is { } run && !_completed) await store.AbandonAsync(run);
    }
}
