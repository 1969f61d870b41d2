namespace Recur.Serving.Batch;

/// <summary>
/// Rows to score in batch, read a chunk at a time so that a file of any size is held a few chunks at a
/// time: a CSV, Parquet or JSON Lines file, or a lake snapshot.
/// </summary>
public interface IBatchSource : IAsyncDisposable
{
    /// <summary>What is read, for messages (a file name or a snapshot).</summary>
    string Description { get; }

    /// <summary>
    /// The rows in order, in chunks of at most <paramref name="chunkRows"/>, each row's values aligned with
    /// <paramref name="columns"/>. A source whose columns are known up front (a header, a schema) throws
    /// Invalid naming a column it lacks; a source of self-describing rows (JSON Lines) marks it
    /// <see cref="RawValues.Absent"/> in each row instead.
    /// </summary>
    IAsyncEnumerable<RawChunk> ReadAsync(IReadOnlyList<string> columns, int chunkRows, CancellationToken ct = default);
}

/// <summary>A chunk of rows in source order; <paramref name="Sequence"/> counts chunks from 0.</summary>
public sealed record RawChunk(int Sequence, IReadOnlyList<RawRow> Rows);

/// <summary>
/// One source row: its 1-based index (data row of a CSV or Parquet file or snapshot, line of a JSON
/// Lines file), its values (a string, double, long, bool, null for missing, or <see cref="RawValues.Absent"/>),
/// or the reason it could not be read at all.
/// </summary>
public readonly record struct RawRow(long Index, object?[]? Values, string? Error = null);

/// <summary>Markers for raw values.</summary>
public static class RawValues
{
    /// <summary>A column the row does not have at all (not even as null).</summary>
    public static readonly object Absent = new();

    /// <summary>A value that is not a scalar (a JSON array or object), kept only to name its kind.</summary>
    public sealed record Structured(string Kind);
}
