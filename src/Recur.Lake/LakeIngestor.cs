using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Lake.Snapshots;

namespace Recur.Lake;

/// <summary>What an ingest did.</summary>
public sealed record IngestOutcome(SnapshotInfo Snapshot, bool Reused, IReadOnlyList<QuarantinedRow> Quarantined);

/// <summary>
/// Ingests a source file into the lake: parse with quarantine, hash, write the Parquet file, then
/// record the snapshot. The catalogue entry is written last, so a killed ingest leaves nothing visible.
/// </summary>
public sealed class LakeIngestor(ParquetSnapshotFiles files, ISnapshotCatalog catalog, TimeProvider time)
{
    /// <summary>
    /// Ingests one dataset's source: a file, a partitioned folder, or "-" for <paramref name="stdin"/>.
    /// The source streams through parsing, typing, hashing and writing, so memory stays bounded.
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(string dataset, string path, string sourceName, DatasetConfig config, Stream? stdin = null, CancellationToken ct = default)
    {
        using var source = await SourceParts.OpenAsync(path, config, sourceName, stdin, ct);
        var (result, sink) = await IngestPipeline.RunAsync(source, config, sourceName, () => new SnapshotSink(files), ct);
        await using (sink)
        {
            var id = sink.Hasher.Finish(result.Schema);
            // The file is content-addressed, so identical data is stored once whatever dataset it is filed under.
            await sink.File.CommitAsync(id, ct);
            IngestTrace.Write($"stored {result.Rows} rows as {id[..12]}");
            var snapshot = new SnapshotInfo(id, dataset, result.Rows, result.Quarantined.Count, sourceName,
                time.GetUtcNow(), result.Schema, []);
            var added = await catalog.AddAsync(snapshot, result.Quarantined, ct);
            return new IngestOutcome(snapshot, Reused: !added, result.Quarantined);
        }
    }

    /// <summary>
    /// Stores a table derived from other snapshots (cleaned, bridged, split) as a snapshot that records
    /// its parents; the parents stay as they were ingested.
    /// </summary>
    public async Task<IngestOutcome> StoreDerivedAsync(string dataset, DataTable table, string source, IReadOnlyList<string> parents, CancellationToken ct = default)
    {
        var id = SnapshotHasher.Hash(table);
        await files.WriteAsync(id, table, ct);
        var snapshot = new SnapshotInfo(id, dataset, table.RowCount, 0, source, time.GetUtcNow(), table.Schema.Columns, parents);
        var added = await catalog.AddAsync(snapshot, [], ct);
        return new IngestOutcome(snapshot, Reused: !added, []);
    }
}

/// <summary>Hashes and writes typed batches as they come.</summary>
internal sealed class SnapshotSink(ParquetSnapshotFiles files) : IBatchSink
{
    private SnapshotHasher? _hasher;

    public SnapshotFileWriter File { get; } = files.OpenWriter();

    public SnapshotHasher Hasher => _hasher ?? throw new InvalidOperationException("no rows were written");

    public async Task AcceptAsync(DataTable batch, CancellationToken ct)
    {
        _hasher ??= new SnapshotHasher(batch.Columns.Count);
        var hashing = Task.Run(() => _hasher.Append(batch), ct);
        await File.AppendAsync(batch, ct);
        await hashing;
    }

    public async ValueTask DisposeAsync()
    {
        await File.DisposeAsync();
        _hasher?.Dispose();
    }
}
