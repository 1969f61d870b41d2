using Recur.Core.Data;

namespace Recur.Core.Lake;

/// <summary>
/// An immutable, content-addressed version of a dataset: the id is the SHA-256 of the schema and the
/// rows, so ingesting identical data again yields the same id.
/// </summary>
/// <param name="Id">Content hash, lower-case hex.</param>
/// <param name="Dataset">The dataset name the snapshot belongs to.</param>
/// <param name="Rows">Rows kept.</param>
/// <param name="Quarantined">Rows set aside as malformed.</param>
/// <param name="Source">Where the data came from (a repo- or project-relative path, or "stdin").</param>
/// <param name="CreatedAt">When the snapshot was first stored.</param>
/// <param name="Schema">Column names and types.</param>
/// <param name="Parents">Snapshots this one was derived from (empty for raw ingests).</param>
public sealed record SnapshotInfo(
    string Id,
    string Dataset,
    long Rows,
    long Quarantined,
    string Source,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ColumnSpec> Schema,
    IReadOnlyList<string> Parents);

/// <summary>A row that could not be ingested, kept with where it came from and why.</summary>
public sealed record QuarantinedRow(string Source, long Line, string Reason, string Raw);

/// <summary>The catalogue of snapshots and their quarantined rows.</summary>
public interface ISnapshotCatalog
{
    /// <summary>
    /// Records a snapshot of a dataset and its quarantined rows in one transaction. False when this
    /// dataset already had that id; it then becomes the dataset's newest snapshot again.
    /// </summary>
    Task<bool> AddAsync(SnapshotInfo snapshot, IReadOnlyList<QuarantinedRow> quarantined, CancellationToken ct = default);

    /// <summary>A snapshot by id (a unique prefix of at least 8 characters is accepted), or null.</summary>
    Task<SnapshotInfo?> FindAsync(string idOrPrefix, CancellationToken ct = default);

    /// <summary>Snapshots, newest first, optionally of one dataset.</summary>
    Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? dataset = null, CancellationToken ct = default);

    /// <summary>The quarantined rows of a snapshot.</summary>
    Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(string snapshotId, CancellationToken ct = default);
}
