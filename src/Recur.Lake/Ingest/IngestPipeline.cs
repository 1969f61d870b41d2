using System.Threading.Channels;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>Where typed batches go: a table in memory, or a snapshot file being written.</summary>
internal interface IBatchSink : IAsyncDisposable
{
    /// <summary>Takes the next batch of kept rows, in source order, with its text columns as codes where possible and the part (file) they came from.</summary>
    Task AcceptAsync(DataTable batch, CodedText?[] coded, string part, CancellationToken ct);

    /// <summary>Takes a part the cache knows, in source order: its rows are stored already (as its segment).</summary>
    Task AcceptCachedAsync(string part, CachedPart cached, CancellationToken ct);
}

/// <summary>What a pipeline run produced besides what its sink holds.</summary>
internal sealed record PipelineResult(IReadOnlyList<ColumnSpec> Schema, long Rows, List<QuarantinedRow> Quarantined, IReadOnlyDictionary<string, PartTally> Parts, int CachedParts,
    LineAccount? Lines, IReadOnlyList<string> Warnings);

/// <summary>
/// Streams a source through three stages that overlap: reading and splitting into field batches,
/// typing, and the sink (hashing and writing Parquet, or collecting). Channels between the stages hold
/// at most two batches each, so memory stays bounded whatever the size of the source. When the types
/// all rows call for differ from the ones the first batch suggested, the source is read again with
/// those types declared (the first sink is discarded), so the result never depends on batch size.
/// </summary>
internal static class IngestPipeline
{
    /// <summary>Runs the source into a sink made by <paramref name="newSink"/>; returns the sink holding the result.</summary>
    public static async Task<(PipelineResult Result, TSink Sink)> RunAsync<TSink>(SourceParts source, DatasetConfig config, string sourceName, Func<TSink> newSink, CancellationToken ct)
        where TSink : IBatchSink
    {
        var declared = new Dictionary<string, ColumnType>();
        var useCache = source.CachedCount > 0;
        for (var pass = 1; ; pass++)
        {
            var typer = new BatchTyper(source.Names, config, declared, sourceName);
            var sink = newSink();
            try
            {
                var (rows, quarantined, batches) = await PassAsync(source, typer, sink, useCache, ct);
                if (batches == 0 || (rows == 0 && quarantined.Count == 0))
                {
                    throw RecurException.Invalid($"{sourceName}: the source holds no data rows", "source");
                }
                var final = typer.Final;
                var cachedFit = !useCache || typer.CachedPartsFit(final);
                if (pass == 1 && (!final.SequenceEqual(typer.Working) || !cachedFit))
                {
                    IngestTrace.Write(cachedFit
                        ? $"retyping: {string.Join(", ", source.Names.Where((_, c) => final[c] != typer.Working[c]))}"
                        : "retyping: the new parts change the types of parts read earlier; reading every part");
                    for (var c = 0; c < final.Count; c++) declared[source.Names[c]] = final[c];
                    useCache = false;
                    await sink.DisposeAsync();
                    continue;
                }
                quarantined.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source) is var s and not 0 ? s : a.Line.CompareTo(b.Line));
                var (lines, warnings) = source.Account(rows, quarantined.Count);
                if (lines is { Balanced: false }) warnings = [.. warnings, Unbalanced(sourceName, lines)];
                return (new PipelineResult(typer.Schema, rows, quarantined, typer.Parts, useCache ? source.CachedCount : 0, lines, warnings), sink);
            }
            catch
            {
                await sink.DisposeAsync();
                throw;
            }
        }
    }

    // Should never be seen: the reader lost track of a line. Said loudly rather than hidden.
    private static string Unbalanced(string sourceName, LineAccount lines) =>
        $"{sourceName}: {lines.Physical} physical lines, but only {lines.Accounted} accounted for (skipped {lines.Skipped}, header {lines.Header}, blank {lines.Blank}, "
        + $"rows {lines.Rows}, quarantined {lines.Quarantined}, merged {lines.Merged}); please report this with the file";

    private static async Task<(long Rows, List<QuarantinedRow> Quarantined, int Batches)> PassAsync(SourceParts source, BatchTyper typer, IBatchSink sink, bool useCache, CancellationToken outer)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        var ct = cts.Token;
        var raw = Channel.CreateBounded<FieldBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var typed = Channel.CreateBounded<(DataTable Table, CodedText?[] Coded, string Part, CachedPart? Cached)>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        TimeSpan readTime = default, typeTime = default, writeTime = default;
        // A failing stage cancels the others; its own exception is the one reported.
        // Reading and writing get threads of their own, so typing's parallel loops never wait for the pool.
        var read = Task.Factory.StartNew(() =>
        {
            try
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                foreach (var batch in source.Batches(ct, useCache))
                {
                    readTime += clock.Elapsed;
                    if (!raw.Writer.TryWrite(batch)) raw.Writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
                    clock.Restart();
                }
            }
            catch
            {
                cts.Cancel();
                throw;
            }
            finally
            {
                raw.Writer.TryComplete();
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var write = Task.Factory.StartNew(() =>
        {
            try
            {
                while (typed.Reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
                {
                    while (typed.Reader.TryRead(out var batch))
                    {
                        var clock = System.Diagnostics.Stopwatch.StartNew();
                        var accepted = batch.Cached is { } cached
                            ? sink.AcceptCachedAsync(batch.Part, cached, ct)
                            : sink.AcceptAsync(batch.Table, batch.Coded, batch.Part, ct);
                        accepted.GetAwaiter().GetResult();
                        writeTime += clock.Elapsed;
                    }
                }
            }
            catch
            {
                cts.Cancel();
                throw;
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        long rows = 0;
        var batches = 0;
        var quarantined = new List<QuarantinedRow>();
        try
        {
            await foreach (var batch in raw.Reader.ReadAllAsync(ct))
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var result = typer.Type(batch);
                // Typing copies out everything it keeps (strings, codes, numbers, quarantined text).
                batch.Release();
                typeTime += clock.Elapsed;
                quarantined.AddRange(result.Quarantined);
                rows += result.Table.RowCount + (result.Cached?.Rows ?? 0);
                batches++;
                if (result.Table.RowCount > 0 || batches == 1 || result.Cached is not null)
                {
                    await typed.Writer.WriteAsync((result.Table, result.Coded, batch.Source, result.Cached), ct);
                }
            }
            typed.Writer.Complete();
            await read;
            await write;
            IngestTrace.Write($"busy: read {readTime.TotalSeconds:0.00}s, type {typeTime.TotalSeconds:0.00}s, sink {writeTime.TotalSeconds:0.00}s; "
                + $"GC: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalSeconds:0.00}s, allocated {GC.GetTotalAllocatedBytes() / 1e6:0} MB");
        }
        catch (Exception e)
        {
            cts.Cancel();
            typed.Writer.TryComplete();
            try { await Task.WhenAll(read, write); } catch { }
            var cause = new[] { read, write }.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(x => x is not OperationCanceledException);
            if (cause is not null && e is OperationCanceledException && !outer.IsCancellationRequested)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }
            throw;
        }
        return (rows, quarantined, batches);
    }
}
