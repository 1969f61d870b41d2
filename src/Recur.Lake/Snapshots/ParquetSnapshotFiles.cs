using Parquet;
using Parquet.Schema;
using Recur.Core;
using Recur.Core.Data;

namespace Recur.Lake.Snapshots;

/// <summary>
/// Snapshot files in the lake folder, one Parquet file per content hash. A file is written under a
/// temporary name and renamed into place, so a killed writer never leaves a partial snapshot.
/// </summary>
public sealed class ParquetSnapshotFiles(string root)
{
    private const int RowGroupSize = 128 * 1024;

    /// <summary>The folder holding the snapshot files.</summary>
    public string Root { get; } = root;

    /// <summary>The path of a snapshot's file.</summary>
    public string PathOf(string id) => Path.Combine(Root, id + ".parquet");

    /// <summary>Whether a snapshot's file exists.</summary>
    public bool Exists(string id) => File.Exists(PathOf(id));

    /// <summary>Writes a table under its id unless already present; true when written.</summary>
    public async Task<bool> WriteAsync(string id, DataTable table, CancellationToken ct = default)
    {
        var target = PathOf(id);
        if (File.Exists(target)) return false;
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".{id}.{Guid.NewGuid():N}.tmp");
        try
        {
            var fields = table.Columns.Select(ToField).ToArray();
            await using (var stream = File.Create(temp))
            {
                await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: ct);
                for (var start = 0; start < table.RowCount || start == 0; start += RowGroupSize)
                {
                    var count = Math.Min(RowGroupSize, table.RowCount - start);
                    using var group = writer.CreateRowGroup();
                    for (var c = 0; c < fields.Length; c++)
                    {
                        await WriteColumnAsync(group, fields[c], table.Columns[c], start, count, ct);
                    }
                    if (table.RowCount == 0) break;
                }
            }
            File.Move(temp, target, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Reads a snapshot's table with the given schema.</summary>
    public async Task<DataTable> ReadAsync(string id, IReadOnlyList<ColumnSpec> schema, CancellationToken ct = default)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) throw RecurException.NotFound($"snapshot {id} has no data file in the lake");
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        var total = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            total += group.RowCount;
        }
        var numbers = schema.Select(s => s.Type.IsNumeric() ? new double[total] : null).ToArray();
        var texts = schema.Select(s => s.Type.IsNumeric() ? null : new string?[total]).ToArray();
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            for (var c = 0; c < schema.Count; c++)
            {
                var field = fields.First(f => f.Name == schema[c].Name);
                await ReadColumnAsync(group, field, schema[c].Type, numbers[c], texts[c], offset, rows, ct);
            }
            offset += rows;
        }
        return new DataTable(schema.Select((s, c) => s.Type.IsNumeric()
            ? (DataColumn)new NumericColumn(s, numbers[c]!)
            : new TextColumn(s, texts[c]!)).ToArray());
    }

    private static DataField ToField(DataColumn column) => column.Spec.Type switch
    {
        ColumnType.Integer => new DataField<long?>(column.Name),
        ColumnType.Real => new DataField<double?>(column.Name),
        _ => new DataField<string>(column.Name, true),
    };

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, DataColumn column, int start, int count, CancellationToken ct)
    {
        switch (column)
        {
            case NumericColumn n when column.Spec.Type == ColumnType.Integer:
                var longs = new long?[count];
                for (var i = 0; i < count; i++) longs[i] = double.IsNaN(n.Values[start + i]) ? null : (long)n.Values[start + i];
                await group.WriteAsync<long>(field, longs, cancellationToken: ct);
                break;
            case NumericColumn n:
                var doubles = new double?[count];
                for (var i = 0; i < count; i++) doubles[i] = double.IsNaN(n.Values[start + i]) ? null : n.Values[start + i];
                await group.WriteAsync<double>(field, doubles, cancellationToken: ct);
                break;
            case TextColumn t:
                await group.WriteAsync(field, t.Values.AsSpan(start, count).ToArray()!);
                break;
        }
    }

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
