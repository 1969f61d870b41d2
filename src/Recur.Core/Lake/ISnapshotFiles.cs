using Recur.Core.Data;

namespace Recur.Core.Lake;

/// <summary>
/// The rows of snapshots, stored by snapshot id. A snapshot is one stored table or an ordered list of
/// segments (each itself stored by its own content id). Every write is atomic: a reader sees a whole
/// snapshot or none, and a failed or cancelled write leaves nothing behind under the id.
/// </summary>
public interface ISnapshotFiles
{
    /// <summary>Whether a snapshot's rows are stored (as one table or as a list of segments).</summary>
    bool Exists(string id);

    /// <summary>The segments a snapshot is made of, in order; just its own id when it is one table.</summary>
    IReadOnlyList<string> SegmentsOf(string id);

    /// <summary>Records a snapshot made of segments already stored, atomically; a second call for the same id changes nothing.</summary>
    Task WriteManifestAsync(string id, IReadOnlyList<string> segments, CancellationToken ct = default);

    /// <summary>Stores a table under its id unless that id is already stored; true when written.</summary>
    Task<bool> WriteAsync(string id, DataTable table, CancellationToken ct = default);

    /// <summary>Starts a table whose id is known only once every row is written (see <see cref="ISnapshotFileWriter"/>).</summary>
    ISnapshotFileWriter OpenWriter();

    /// <summary>A snapshot's rows with the given schema (all its segments, in order); NotFound naming the snapshot or segment that is missing.</summary>
    Task<DataTable> ReadAsync(string id, IReadOnlyList<ColumnSpec> schema, CancellationToken ct = default);

    /// <summary>A snapshot's rows in batches, so a pass over a large snapshot holds one batch at a time.</summary>
    IAsyncEnumerable<DataTable> ReadBatchesAsync(string id, IReadOnlyList<ColumnSpec> schema, CancellationToken ct = default);

    /// <summary>
    /// Removes a snapshot's own table or segment list (segments shared with other snapshots stay); false
    /// when nothing was stored under the id.
    /// </summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct = default);

    /// <summary>Deletes partial writes left by writers that died; returns how many.</summary>
    int SweepAbandoned();
}

/// <summary>
/// A snapshot table being written batch by batch. Nothing is visible until <see cref="CommitAsync"/>;
/// disposing without committing discards the rows.
/// </summary>
public interface ISnapshotFileWriter : IAsyncDisposable
{
    /// <summary>Appends rows; the first call fixes the columns.</summary>
    Task AppendAsync(DataTable batch, CancellationToken ct = default);

    /// <summary>Files the rows under <paramref name="id"/>, atomically; false (and nothing changed) when that id was already stored.</summary>
    Task<bool> CommitAsync(string id, CancellationToken ct = default);
}
