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
        var swept = files.SweepAbandoned();
        if (swept > 0) IngestTrace.Write($"deleted {swept} temporary file(s) left by an interrupted ingest");
        using var source = await SourceParts.OpenAsync(path, config, sourceName, stdin, ct);
        var (result, sink) = await IngestPipeline.RunAsync(source, config, sourceName, () => new SnapshotSink(files), ct);
        await using (sink)
        {
            // Files are content-addressed, so identical data is stored once whatever dataset it is filed under.
            var id = await sink.CommitAsync(result.Schema, ct);
            IngestTrace.Write($"stored {result.Rows} rows as {id[..12]} in {sink.Segments} segment(s), {sink.Written} written");
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
