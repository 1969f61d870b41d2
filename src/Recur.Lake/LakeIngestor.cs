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
    /// <summary>Ingests one dataset's source: a file, a partitioned folder, or "-" for <paramref name="stdin"/>.</summary>
    public async Task<IngestOutcome> IngestAsync(string dataset, string path, string sourceName, DatasetConfig config, TextReader? stdin = null, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parsed = await SourceReader.ReadAsync(path, config, sourceName, stdin, ct);
        IngestTrace.Write($"parse {clock.Elapsed.TotalSeconds:0.00}s");
        var id = SnapshotHasher.Hash(parsed.Table);
        IngestTrace.Write($"hash {clock.Elapsed.TotalSeconds:0.00}s");
        // The file is content-addressed, so identical data is stored once whatever dataset it is filed under.
        await files.WriteAsync(id, parsed.Table, ct);
        IngestTrace.Write($"write {clock.Elapsed.TotalSeconds:0.00}s");
        var snapshot = new SnapshotInfo(id, dataset, parsed.Table.RowCount, parsed.Quarantined.Count, sourceName,
            time.GetUtcNow(), parsed.Table.Schema.Columns, []);
        var added = await catalog.AddAsync(snapshot, parsed.Quarantined, ct);
        return new IngestOutcome(snapshot, Reused: !added, parsed.Quarantined);
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
