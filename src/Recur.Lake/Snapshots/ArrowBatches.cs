using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Recur.Core.Data;
using Recur.Lake.Ingest;

namespace Recur.Lake.Snapshots;

/// <summary>
/// Turns table batches into Arrow record batches for the Parquet writer: integers as int64, reals as
/// float64 and text as a dictionary of the batch's distinct values with int32 indices, so that the
/// writer emits dictionary pages without hashing a string per row. Buffers are copied into native
/// memory, which the Arrow C data interface needs to hand them to the writer. Each column keeps its
/// staging buffers from batch to batch (one file's batches are converted one at a time), so a batch
/// costs no managed allocation beyond its dictionary's bookkeeping.
/// </summary>
internal sealed class ArrowBatches(int columnCount)
{
    private static readonly DictionaryType TextType = new(Int32Type.Default, StringType.Default, false);

    private readonly Staging[] _staging = Enumerable.Range(0, columnCount).Select(_ => new Staging()).ToArray();

    // A column's reusable buffers; Build copies their contents into native memory.
    private sealed class Staging
    {
        public readonly ArrowBuffer.Builder<long> Longs = new();
        public readonly ArrowBuffer.Builder<double> Doubles = new();
        public readonly ArrowBuffer.Builder<int> Indices = new();
        public readonly ArrowBuffer.Builder<int> Offsets = new();
        public readonly ArrowBuffer.Builder<byte> Bytes = new();
        public readonly ArrowBuffer.Builder<byte> Validity = new();
        public int[] Renumber = [];
    }

    /// <summary>The Arrow schema of a table's columns (every column nullable).</summary>
    public static Schema SchemaOf(DataTable table) => new(table.Columns.Select(c => new Field(c.Name, c.Spec.Type switch
    {
        ColumnType.Integer => Int64Type.Default,
        ColumnType.Real => DoubleType.Default,
        _ => (IArrowType)TextType,
    }, true)), null);

    /// <summary>The rows of a batch as a record batch; <paramref name="coded"/> gives text columns as codes where the typer had them.</summary>
    public RecordBatch Convert(DataTable batch, CodedText?[]? coded, Schema schema)
    {
        var rows = batch.RowCount;
        var arrays = new IArrowArray[batch.Columns.Count];
        Parallel.For(0, arrays.Length, c => arrays[c] = batch.Columns[c] switch
        {
            NumericColumn n when n.Spec.Type == ColumnType.Integer => Integers(_staging[c], n.Values, rows),
            NumericColumn n => Reals(_staging[c], n.Values, rows),
            TextColumn t => Text(_staging[c], coded?[c] ?? Encode(t.Values, rows), rows),
            _ => throw new InvalidOperationException($"column {batch.Columns[c].Name}: unsupported column kind"),
        });
        return new RecordBatch(schema, arrays, rows);
    }

    private static Int64Array Integers(Staging staging, double[] values, int rows)
    {
        var data = staging.Longs.Clear().Resize(rows);
        var span = data.Span;
        var (validity, missing) = Validity(staging, values, rows);
        for (var i = 0; i < rows; i++) span[i] = double.IsNaN(values[i]) ? 0 : (long)values[i];
        return new Int64Array(data.Build(), validity, rows, missing, 0);
    }

    private static DoubleArray Reals(Staging staging, double[] values, int rows)
    {
        var (validity, missing) = Validity(staging, values, rows);
        var data = staging.Doubles.Clear().Append(values.AsSpan(0, rows)).Build();
        return new DoubleArray(data, validity, rows, missing, 0);
    }

    private static (ArrowBuffer Validity, int Missing) Validity(Staging staging, double[] values, int rows)
    {
        var bits = staging.Validity.Clear().Resize((rows + 7) / 8);
        var span = bits.Span;
        span.Clear();
        var missing = 0;
        for (var i = 0; i < rows; i++)
        {
            if (double.IsNaN(values[i])) missing++;
            else span[i >> 3] |= (byte)(1 << (i & 7));
        }
        return (bits.Build(), missing);
    }

    // The batch's own dictionary: the codes that occur, renumbered in order of first appearance.
    private static DictionaryArray Text(Staging staging, CodedText coded, int rows)
    {
        var codes = coded.Codes;
        var top = -1;
        for (var i = 0; i < rows; i++) top = Math.Max(top, codes[i]);
        if (staging.Renumber.Length < top + 1) staging.Renumber = new int[Math.Max(top + 1, staging.Renumber.Length * 2)];
        var renumber = staging.Renumber.AsSpan(0, top + 1);
        renumber.Fill(-1);
        var used = new List<int>();
        var indices = staging.Indices.Clear().Resize(rows);
        var index = indices.Span;
        var bits = staging.Validity.Clear().Resize((rows + 7) / 8);
        var valid = bits.Span;
        valid.Clear();
        var missing = 0;
        for (var i = 0; i < rows; i++)
        {
            var code = codes[i];
            if (code < 0) { missing++; index[i] = 0; continue; }
            valid[i >> 3] |= (byte)(1 << (i & 7));
            ref var local = ref renumber[code];
            if (local < 0) { local = used.Count; used.Add(code); }
            index[i] = local;
        }
        var offsets = staging.Offsets.Clear().Resize(used.Count + 1);
        var bytes = staging.Bytes.Clear();
        var offset = offsets.Span;
        for (var k = 0; k < used.Count; k++)
        {
            offset[k] = bytes.Length;
            bytes.Append(coded.Utf8[used[k]]);
        }
        offset[used.Count] = bytes.Length;
        // Built in this order: the validity buffer is filled before the indices are built from it.
        var validity = bits.Build();
        var dictionary = new StringArray(used.Count, offsets.Build(), bytes.Build(), ArrowBuffer.Empty, 0, 0);
        return new DictionaryArray(TextType, new Int32Array(indices.Build(), validity, rows, missing, 0), dictionary);
    }

    // Codes for a text column the typer did not code (a derived table, a column of unique values).
    private static CodedText Encode(string?[] values, int rows)
    {
        var codes = new int[rows];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var utf8 = new List<byte[]>();
        var strings = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            if (values[i] is not { } value) { codes[i] = -1; continue; }
            if (!seen.TryGetValue(value, out var code))
            {
                code = utf8.Count;
                seen.Add(value, code);
                utf8.Add(Encoding.UTF8.GetBytes(value));
                strings.Add(value);
            }
            codes[i] = code;
        }
        return new CodedText(codes, utf8.ToArray(), [.. strings]);
    }
}
