using System.Text;
using Parquet;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads a Parquet file's flat columns as batches of untyped fields, row group by row group. A row
/// group is the smallest piece Parquet reads a column in, so one is held at a time (in Parquet's own
/// types); batches of up to the layout's capacity take rows from it, and from the next when it runs
/// out. Rows are numbered from 1 through the file; a quarantined row reads "row N".
/// </summary>
internal sealed class ParquetBatchReader : IPartReader
{
    private readonly ParquetReader _reader;
    private readonly ParquetValues[] _columns;
    private readonly string _source;
    private int _nextGroup;
    private int _groupRows;
    private int _next;
    private long _line;
    private PartLayout _layout = null!;

    private ParquetBatchReader(ParquetReader reader, string source)
    {
        var fields = reader.Schema.GetDataFields();
        _columns = fields.Select(ParquetValues.For).ToArray();
        _reader = reader;
        _source = source;
        Names = fields.Select(f => f.Name).ToArray();
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names { get; }

    /// <summary>The most rows held at once: the largest row group read so far.</summary>
    public int MostRowsHeld { get; private set; }

    /// <summary>Opens a seekable Parquet stream (disposed with the reader) and checks its columns' types.</summary>
    public static async Task<ParquetBatchReader> OpenAsync(Stream stream, string source, CancellationToken ct)
    {
        var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        try
        {
            return new ParquetBatchReader(reader, source);
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public void Layout(PartLayout layout) => _layout = layout;

    /// <inheritdoc />
    public FieldBatch? Next()
    {
        var layout = _layout;
        var batch = new FieldBatch(_source, layout.Width, layout.Capacity) { NumberedRows = true };
        var bytes = new ByteArena(layout.Capacity * 16);
        var constants = new (int Column, int Start, int Length)[layout.Constants.Count];
        for (var k = 0; k < constants.Length; k++)
        {
            var value = Encoding.UTF8.GetBytes(layout.Constants[k].Value);
            constants[k] = (layout.Constants[k].Column, bytes.Append(value), value.Length);
        }
        while (batch.Rows < batch.Capacity)
        {
            if (_next == _groupRows)
            {
                if (_nextGroup == _reader.RowGroupCount) break;
                LoadGroup();
                continue;
            }
            var take = Math.Min(batch.Capacity - batch.Rows, _groupRows - _next);
            for (var f = 0; f < _columns.Length; f++)
            {
                var at = layout.Map[f] * batch.Capacity + batch.Rows;
                for (var i = 0; i < take; i++)
                {
                    batch.Starts[at + i] = bytes.Length;
                    batch.Lengths[at + i] = _columns[f].Write(_next + i, bytes);
                }
            }
            for (var i = 0; i < take; i++)
            {
                var r = batch.Rows + i;
                foreach (var c in layout.Absent) batch.Lengths[c * batch.Capacity + r] = -1;
                foreach (var (c, start, length) in constants)
                {
                    batch.Starts[c * batch.Capacity + r] = start;
                    batch.Lengths[c * batch.Capacity + r] = length;
                }
                batch.Lines[r] = _line + i + 1;
            }
            batch.Rows += take;
            _next += take;
            _line += take;
        }
        if (batch.Rows == 0) return null;
        batch.Data = bytes.Detach();
        return batch;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Reading runs on a thread of its own (see IngestPipeline), so waiting for Parquet's reads is fine.
    private void LoadGroup()
    {
        using var group = _reader.OpenRowGroupReader(_nextGroup++);
        _groupRows = checked((int)group.RowCount);
        _next = 0;
        foreach (var column in _columns) column.LoadAsync(group, _groupRows, CancellationToken.None).GetAwaiter().GetResult();
        MostRowsHeld = Math.Max(MostRowsHeld, _groupRows);
    }
}
