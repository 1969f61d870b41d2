using System.Security.Cryptography;
using System.Text;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Lake.Ingest;

namespace Recur.Lake.Snapshots;

/// <summary>
/// Stores typed batches as content-addressed segments, one per part of the source (a file of a
/// partitioned folder, say). A segment's rows are hashed as they come; a small segment is held in
/// memory until its id is known and written only when the lake lacks it, so re-ingesting a folder
/// after a new partition arrives writes just that partition. A large segment spills to a temporary
/// file as it goes (memory stays bounded), which is dropped if the lake already holds it.
/// </summary>
internal sealed class SnapshotSink(ISnapshotFiles files) : IBatchSink
{
    private const int HeldRows = 1 << 18;

    private readonly List<string> _segments = [];
    private readonly List<(DataTable Table, CodedText?[]? Coded)> _held = [];
    private string? _part;
    private SnapshotHasher? _hasher;
    private ISnapshotFileWriter? _spill;
    private IReadOnlyList<ColumnSpec>? _schema;
    private int _heldRows;
    private long _segmentRows;

    /// <summary>The segment each part's rows went to (parts with no rows kept have none).</summary>
    public Dictionary<string, string> SegmentOf { get; } = [];

    /// <summary>Segments stored for this snapshot.</summary>
    public int Segments => _segments.Count;

    /// <summary>Segments that had to be written (the others were in the lake already).</summary>
    public int Written { get; private set; }

    /// <inheritdoc />
    public async Task AcceptAsync(DataTable batch, CodedText?[] coded, string part, CancellationToken ct)
    {
        _schema ??= batch.Schema.Columns;
        if (_part != part && _hasher is not null) await EndSegmentAsync(ct);
        _part = part;
        _hasher ??= new SnapshotHasher(batch.Columns.Count);
        if (batch.RowCount == 0) return;
        _segmentRows += batch.RowCount;
        var hashing = Task.Run(() => _hasher.Append(batch, coded), ct);
        if (_spill is not null)
        {
            await AppendAsync(_spill, batch, coded, ct);
        }
        else
        {
            _held.Add((batch, coded));
            _heldRows += batch.RowCount;
            if (_heldRows > HeldRows)
            {
                _spill = files.OpenWriter();
                foreach (var held in _held) await AppendAsync(_spill, held.Table, held.Coded, ct);
                _held.Clear();
            }
        }
        await hashing;
    }

    /// <inheritdoc />
    public async Task AcceptCachedAsync(string part, CachedPart cached, CancellationToken ct)
    {
        if (_hasher is not null) await EndSegmentAsync(ct);
        _part = part;
        if (cached.Segment is not { } segment) return;
        _segments.Add(segment);
        SegmentOf[part] = segment;
    }

    /// <summary>Stores the last segment and returns the snapshot id: a single segment's own id, or the hash of the schema and the segment ids in order.</summary>
    public async Task<string> CommitAsync(IReadOnlyList<ColumnSpec> schema, CancellationToken ct)
    {
        if (_hasher is not null) await EndSegmentAsync(ct);
        if (_segments.Count == 0)
        {
            // Every row was quarantined: an empty snapshot with the schema.
            _hasher = new SnapshotHasher(schema.Count);
            _schema = schema;
            _held.Add((new DataTable(schema.Select(s => s.Type.IsNumeric() ? (DataColumn)new NumericColumn(s, []) : new TextColumn(s, [])).ToArray()), null));
            await EndSegmentAsync(ct);
        }
        if (_segments.Count == 1) return _segments[0];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var column in schema) sha.AppendData(Encoding.UTF8.GetBytes($"{column.Name}:{column.Type.ToName()}\n"));
        foreach (var segment in _segments) sha.AppendData(Encoding.UTF8.GetBytes(segment + "\n"));
        var id = Convert.ToHexStringLower(sha.GetHashAndReset());
        await files.WriteManifestAsync(id, _segments, ct);
        return id;
    }

    private async Task EndSegmentAsync(CancellationToken ct)
    {
        var id = _hasher!.Finish(_schema!);
        _hasher.Dispose();
        _hasher = null;
        var empty = _segmentRows == 0 && _held.Count == 0;
        _segmentRows = 0;
        if (empty) return;
        if (_spill is not null)
        {
            if (await _spill.CommitAsync(id, ct)) Written++;
            await _spill.DisposeAsync();
            _spill = null;
        }
        else if (!files.Exists(id))
        {
            await using var writer = files.OpenWriter();
            foreach (var held in _held) await AppendAsync(writer, held.Table, held.Coded, ct);
            if (await writer.CommitAsync(id, ct)) Written++;
        }
        _held.Clear();
        _heldRows = 0;
        _segments.Add(id);
        if (_part is not null) SegmentOf[_part] = id;
    }

    // The Parquet lake takes text columns as interner codes (no strings to encode again); any other
    // snapshot store takes the rows as they are.
    private static Task AppendAsync(ISnapshotFileWriter writer, DataTable batch, CodedText?[]? coded, CancellationToken ct) =>
        writer is SnapshotFileWriter parquet ? parquet.AppendAsync(batch, coded, ct) : writer.AppendAsync(batch, ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_spill is not null) await _spill.DisposeAsync();
        _hasher?.Dispose();
    }
}
