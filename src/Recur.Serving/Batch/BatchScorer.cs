using System.Diagnostics;
using System.Threading.Channels;
using Recur.Core.Project;
using Recur.Serving.Batch.Internal;
using Recur.Serving.Log;

namespace Recur.Serving.Batch;

/// <summary>
/// Scores a source in batch with the same prediction service as REST: chunks are read in order, typed and
/// scored in parallel (at most <see cref="BatchOptions.Parallel"/> at once, at most twice as many held),
/// and handed to the sinks in input order. A bad row is refused with its reason and the run goes on. The
/// decision policy is the version's, as online. Every prediction is logged unless logging is off; the
/// log is flushed at the end, and a log that could not be written fails the run (the sinks are then not
/// completed, so no output appears).
/// </summary>
public sealed class BatchScorer(PredictionService service, PredictionLogWriter log, ServingConfig limits)
{
    /// <summary>Runs the batch; <paramref name="progress"/> hears after each chunk.</summary>
    public async Task<BatchSummary> RunAsync(LoadedModel loaded, IBatchSource source, BatchOptions options, IReadOnlyList<IBatchSink> sinks,
        IProgress<BatchProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sinks);
        options.Validate();
        var typer = new RowTyper(loaded.Model.Manifest.Plan, options.KeyColumn, options.MissingTokens, limits);
        var clock = Stopwatch.StartNew();
        var failuresBefore = log.Failures;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pending = Channel.CreateBounded<Task<ScoredChunk>>(new BoundedChannelOptions(options.Parallel) { SingleReader = true, SingleWriter = true });
        using var slots = new SemaphoreSlim(options.Parallel);
        var reading = Task.Run(() => ReadAsync(source, typer, loaded, options, pending.Writer, slots, stop.Token), stop.Token);

        long rows = 0, scored = 0, rejected = 0;
        var flushed = Task.CompletedTask;
        try
        {
            await foreach (var next in pending.Reader.ReadAllAsync(stop.Token))
            {
                var chunk = await next;
                foreach (var sink in sinks) await sink.WriteAsync(chunk, stop.Token);
                rows += chunk.Rows;
                scored += chunk.Results.Count;
                rejected += chunk.Rejects.Count;
                // Backpressure on the log: at most one chunk's flush outstanding, so its queue stays a chunk or two long.
                if (options.Log)
                {
                    await flushed;
                    flushed = log.FlushAsync();
                }
                progress?.Report(new BatchProgress(rows, rejected, clock.Elapsed.TotalSeconds));
            }
            await reading;
        }
        catch
        {
            await stop.CancelAsync();
            try { await reading; } catch { /* the first failure is the one reported */ }
            throw;
        }
        if (options.Log)
        {
            await flushed;
            await log.FlushAsync();
            if (log.Failures > failuresBefore) throw new IOException($"the prediction log could not be written ({log.Failures - failuresBefore} batches failed; the cause is logged on stderr); no output was written");
        }
        foreach (var sink in sinks) await sink.CompleteAsync(ct);
        return new BatchSummary(rows, scored, rejected, loaded.Version.Version, clock.Elapsed.TotalSeconds);
    }

    private async Task ReadAsync(IBatchSource source, RowTyper typer, LoadedModel loaded, BatchOptions options, ChannelWriter<Task<ScoredChunk>> pending,
        SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await foreach (var chunk in source.ReadAsync(typer.Columns, options.ChunkRows, ct))
            {
                await slots.WaitAsync(ct);
                var scoring = Task.Run(() =>
                {
                    try
                    {
                        return Score(chunk, typer, loaded, options.Log);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, ct);
                await pending.WriteAsync(scoring, ct);
            }
            pending.Complete();
        }
        catch (Exception e)
        {
            pending.Complete(e);
        }
    }

    private ScoredChunk Score(RawChunk chunk, RowTyper typer, LoadedModel loaded, bool logged)
    {
        var (batch, indices, rejects) = typer.Type(chunk, logged);
        var results = batch.Keys.Count == 0 ? [] : service.Predict(loaded, batch, logged);
        return new ScoredChunk(chunk.Sequence, chunk.Rows.Count, results, indices, rejects);
    }
}
