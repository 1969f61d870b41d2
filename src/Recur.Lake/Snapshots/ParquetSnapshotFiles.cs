using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Parquet;
using Parquet.Schema;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;

namespace Recur.Lake.Snapshots;

/// <summary>
/// Snapshot files in the lake folder, one Parquet file per content hash. A file is written under a
/// temporary name and renamed into place, so a killed writer never leaves a partial snapshot.
/// </summary>
public sealed class ParquetSnapshotFiles(string root, ILogger<ParquetSnapshotFiles>? logger = null) : ISnapshotFiles
{
    private const int RowGroupSize = 128 * 1024;

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>The folder holding the snapshot files.</summary>
    public string Root { get; } = root;

    /// <summary>The path of a snapshot's file.</summary>
    public string PathOf(string id) => Path.Combine(Root, id + ".parquet");

    /// <summary>The path of a multi-segment snapshot's manifest (the segment ids in order).</summary>
    public string ManifestOf(string id) => Path.Combine(Root, id + ".segments");

    /// <summary>Deletes temporary files left in the lake by killed writers; returns how many.</summary>
    public int SweepAbandoned()
    {
        var swept = LakeTempFiles.SweepAbandoned(Root);
        if (swept > 0) _logger.AbandonedFilesSwept(swept, Root);
        return swept;
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        var deleted = false;
        foreach (var path in new[] { PathOf(id), ManifestOf(id) })
        {
            if (!File.Exists(path)) continue;
            File.Delete(path);
            deleted = true;
        }
        if (deleted) _logger.SnapshotDeleted(id);
        return Task.FromResult(deleted);
    }

    /// <summary>Whether a snapshot's data is stored: one file, or a manifest of segment files.</summary>
    public bool Exists(string id) => File.Exists(PathOf(id)) || File.Exists(ManifestOf(id));

    /// <summary>The segment files a snapshot is made of, in order (just its own id when it is one file).</summary>
    public IReadOnlyList<string> SegmentsOf(string id) =>
        File.Exists(ManifestOf(id)) ? File.ReadAllLines(ManifestOf(id)).Where(l => l.Length > 0).ToArray() : [id];

    /// <summary>Records a snapshot made of several segments (already stored), atomically.</summary>
    public async Task WriteManifestAsync(string id, IReadOnlyList<string> segments, CancellationToken ct = default)
    {
        if (File.Exists(ManifestOf(id))) return;
        Directory.CreateDirectory(Root);
        var temp = LakeTempFiles.New(Root);
        await File.WriteAllLinesAsync(temp, segments, ct);
        File.Move(temp, ManifestOf(id), overwrite: true);
    }

    /// <summary>Writes a table under its id unless already present; true when written.</summary>
    public async Task<bool> WriteAsync(string id, DataTable table, CancellationToken ct = default)
    {
        if (Exists(id)) return false;
        await using var writer = OpenWriter();
        for (var start = 0; start < table.RowCount || start == 0; start += RowGroupSize)
        {
            var count = Math.Min(RowGroupSize, table.RowCount - start);
            await writer.AppendAsync(count == table.RowCount ? table : Slice(table, start, count), ct);
            if (table.RowCount == 0) break;
        }
        return await writer.CommitAsync(id, ct);
    }

    /// <summary>
    /// Starts a snapshot file whose id is known only once every row is written: row groups go to a
    /// temporary file, which <see cref="SnapshotFileWriter.CommitAsync"/> renames into place.
    /// </summary>
    public SnapshotFileWriter OpenWriter()
    {
        Directory.CreateDirectory(Root);
        return new SnapshotFileWriter(this, LakeTempFiles.New(Root));
    }

    /// <inheritdoc />
    ISnapshotFileWriter ISnapshotFiles.OpenWriter() => OpenWriter();

    // Called by a writer once its file is in place.
    internal void Stored(string id) => _logger.SnapshotFileStored(id);

    private static DataTable Slice(DataTable table, int start, int count) => new(table.Columns.Select(c => c switch
    {
        NumericColumn n => (DataColumn)new NumericColumn(c.Spec, n.Values.AsSpan(start, count).ToArray()),
        TextColumn t => new TextColumn(c.Spec, t.Values.AsSpan(start, count).ToArray()),
        _ => throw new InvalidOperationException(),
    }).ToArray());

    /// <summary>
    /// Reads a snapshot's rows with the given schema one row group at a time (all its segments, in
    /// order), so that a pass over a large snapshot holds one row group, not the whole table.
    /// </summary>
    public async IAsyncEnumerable<DataTable> ReadBatchesAsync(string id, IReadOnlyList<ColumnSpec> schema, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var path in SegmentPaths(id))
        {
            await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
            var fields = reader.Schema.GetDataFields();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var rows = (int)group.RowCount;
                var numbers = schema.Select(s => s.Type.IsNumeric() ? new double[rows] : null).ToArray();
                var texts = schema.Select(s => s.Type.IsNumeric() ? null : new string?[rows]).ToArray();
                await ReadGroupAsync(group, fields, schema, numbers, texts, 0, ct);
                yield return Table(schema, numbers, texts);
            }
        }
    }

    /// <summary>Reads a snapshot's table with the given schema (all its segments, in order).</summary>
    public async Task<DataTable> ReadAsync(string id, IReadOnlyList<ColumnSpec> schema, CancellationToken ct = default)
    {
        var readers = new List<ParquetReader>();
        try
        {
            foreach (var path in SegmentPaths(id)) readers.Add(await ParquetReader.CreateAsync(path, cancellationToken: ct));
            var total = 0L;
            foreach (var reader in readers)
            {
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    total += group.RowCount;
                }
            }
            // Read straight into arrays for the whole table: no per-group copies to concatenate.
            var numbers = schema.Select(s => s.Type.IsNumeric() ? new double[total] : null).ToArray();
            var texts = schema.Select(s => s.Type.IsNumeric() ? null : new string?[total]).ToArray();
            var offset = 0;
            foreach (var reader in readers)
            {
                var fields = reader.Schema.GetDataFields();
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    await ReadGroupAsync(group, fields, schema, numbers, texts, offset, ct);
                    offset += (int)group.RowCount;
                }
            }
            return Table(schema, numbers, texts);
        }
        finally
        {
            foreach (var reader in readers) await reader.DisposeAsync();
        }
    }

    // The files of a snapshot's segments, in order; a missing one is named.
    private IEnumerable<string> SegmentPaths(string id)
    {
        if (!Exists(id)) throw RecurException.NotFound($"snapshot {id} has no data file in the lake");
        var segments = SegmentsOf(id);
        foreach (var segment in segments)
        {
            if (!File.Exists(PathOf(segment))) throw RecurException.NotFound($"snapshot {id}: segment {segment} is missing from the lake");
        }
        return segments.Select(PathOf);
    }

    // One row group's columns, read into the arrays from offset on.
    private static async Task ReadGroupAsync(ParquetRowGroupReader group, DataField[] fields, IReadOnlyList<ColumnSpec> schema, double[]?[] numbers, string?[]?[] texts, int offset, CancellationToken ct)
    {
        var rows = (int)group.RowCount;
        for (var c = 0; c < schema.Count; c++)
        {
            var field = fields.First(f => f.Name == schema[c].Name);
            await ReadColumnAsync(group, field, schema[c].Type, numbers[c], texts[c], offset, rows, ct);
        }
    }

    private static DataTable Table(IReadOnlyList<ColumnSpec> schema, double[]?[] numbers, string?[]?[] texts) =>
        new(schema.Select((s, c) => s.Type.IsNumeric() ? (DataColumn)new NumericColumn(s, numbers[c]!) : new TextColumn(s, texts[c]!)).ToArray());

    private static async Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, ColumnType type, double[]? numbers, string?[]? texts, int offset, int rows, CancellationToken ct)
    {
        switch (type)
        {
            case ColumnType.Integer:
                var longs = new long?[rows];
                await group.ReadAsync<long>(field, longs, cancellationToken: ct);
                for (var i = 0; i < rows; i++) numbers![offset + i] = longs[i] is { } v ? v : double.NaN;
                break;
            case ColumnType.Real:
                var doubles = new double?[rows];
                await group.ReadAsync<double>(field, doubles, cancellationToken: ct);
                for (var i = 0; i < rows; i++) numbers![offset + i] = doubles[i] ?? double.NaN;
                break;
            default:
                var strings = new string[rows];
                await group.ReadAsync(field, strings, cancellationToken: ct);
                Array.Copy(strings, 0, texts!, offset, rows);
                break;
        }
    }
}
