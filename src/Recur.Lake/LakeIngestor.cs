using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Lake.Snapshots;

namespace Recur.Lake;

/// <summary>
/// What an ingest did; <paramref name="PartsFromCache"/> counts the files not read because the part cache
/// knew them; <paramref name="Lines"/> says where every physical line of a text source went (null for
/// JSON Lines and Parquet, and for derived tables); <paramref name="Warnings"/> name a file and line each.
/// </summary>
public sealed record IngestOutcome(SnapshotInfo Snapshot, bool Reused, IReadOnlyList<QuarantinedRow> Quarantined, int PartsFromCache = 0,
    LineAccount? Lines = null, IReadOnlyList<string>? Warnings = null);

/// <summary>
/// Ingests a source file into the lake: parse with quarantine, hash, write the Parquet file, then
/// record the snapshot. The catalogue entry is written last, so a killed ingest leaves nothing visible.
/// </summary>
public sealed class LakeIngestor
{
    private readonly ISnapshotFiles _files;
    private readonly ISnapshotCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly string _partsFolder;
    private readonly ILogger _logger;

    /// <summary>
    /// An ingestor storing rows in <paramref name="files"/> and recording snapshots in <paramref name="catalog"/>;
    /// <paramref name="partsFolder"/> is the local folder of the part cache (what each source file gave last time).
    /// </summary>
    public LakeIngestor(ISnapshotFiles files, ISnapshotCatalog catalog, TimeProvider time, string partsFolder, ILogger<LakeIngestor>? logger = null)
    {
        _files = files;
        _catalog = catalog;
        _time = time;
        _partsFolder = partsFolder;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>An ingestor over the embedded Parquet lake, with the part cache in its <c>parts/</c> folder.</summary>
    public LakeIngestor(ParquetSnapshotFiles files, ISnapshotCatalog catalog, TimeProvider time)
        : this(files, catalog, time, Path.Combine(files.Root, "parts"))
    {
    }

    /// <summary>
    /// Ingests one dataset's source: a file, a partitioned folder, or "-" for <paramref name="stdin"/>.
    /// The source streams through parsing, typing, hashing and writing, so memory stays bounded. Files
    /// the part cache knows (same path, size, modification time and settings) are not read again unless
    /// <paramref name="useCache"/> is false.
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(string dataset, string path, string sourceName, DatasetConfig config, Stream? stdin = null, CancellationToken ct = default, bool useCache = true)
    {
        var swept = _files.SweepAbandoned() + LakeTempFiles.SweepAbandoned(_partsFolder);
        if (swept > 0) IngestTrace.Write($"deleted {swept} temporary file(s) left by an interrupted ingest");
        // Without the cache every file is read, and the cache is refreshed with what they give.
        var cache = new PartCache(_partsFolder, _files.Exists, read: useCache);
        IngestTrace.Write("opening the source");
        using var source = await SourceParts.OpenAsync(path, config, sourceName, stdin, ct, cache);
        IngestTrace.Write("source open");
        var (result, sink) = await IngestPipeline.RunAsync(source, config, sourceName, () => new SnapshotSink(_files), ct);
        await using (sink)
        {
            // Files are content-addressed, so identical data is stored once whatever dataset it is filed under.
            var id = await sink.CommitAsync(result.Schema, ct);
            IngestTrace.Write($"stored {result.Rows} rows as {id[..12]} in {sink.Segments} segment(s), {sink.Written} written, {result.CachedParts} of {source.PartCount} part(s) from the part cache");
            var snapshot = new SnapshotInfo(id, dataset, result.Rows, result.Quarantined.Count, sourceName,
                _time.GetUtcNow(), result.Schema, []);
            var added = await _catalog.AddAsync(snapshot, result.Quarantined, ct);
            IngestTrace.Write("catalogued");
            _logger.SnapshotCommitted(id, dataset, result.Rows, result.Quarantined.Count, sink.Segments, sink.Written, !added);
            if (result.Quarantined.Count > 0) _logger.RowsQuarantined(result.Quarantined.Count, dataset, sourceName);
            Remember(cache, source, result, sink);
            IngestTrace.Write("recorded");
            return new IngestOutcome(snapshot, Reused: !added, result.Quarantined, result.CachedParts, result.Lines, result.Warnings);
        }
    }

    // Once the snapshot is recorded: what each file read gave, for the next ingest of the same files.
    private static void Remember(PartCache cache, SourceParts source, PipelineResult result, SnapshotSink sink)
    {
        var types = result.Schema.Select(s => s.Type).ToArray();
        foreach (var (name, key) in source.Files)
        {
            if (key is null || !result.Parts.TryGetValue(name, out var tally)) continue;
            cache.Save(key, source.Names, tally.ToCached(sink.SegmentOf.GetValueOrDefault(name), types, source.LinesOf(name)));
        }
    }

    /// <summary>
    /// Stores a table derived from other snapshots (cleaned, bridged, split) as a snapshot that records
    /// its parents; the parents stay as they were ingested.
    /// </summary>
    public async Task<IngestOutcome> StoreDerivedAsync(string dataset, DataTable table, string source, IReadOnlyList<string> parents, CancellationToken ct = default)
    {
        var id = SnapshotHasher.Hash(table);
        await _files.WriteAsync(id, table, ct);
        var snapshot = new SnapshotInfo(id, dataset, table.RowCount, 0, source, _time.GetUtcNow(), table.Schema.Columns, parents);
        var added = await _catalog.AddAsync(snapshot, [], ct);
        _logger.DerivedSnapshotStored(id, dataset, string.Join(", ", parents));
        return new IngestOutcome(snapshot, Reused: !added, []);
    }
}
