using System.Buffers;
using System.Text;
using Recur.Core.Lake;

namespace Recur.Lake.Ingest;

/// <summary>
/// A batch of untyped rows from one part of a source: for every row and column, where the field's
/// UTF-8 bytes are (column-major, so a column is typed in one pass), plus each row's line and raw text
/// for quarantine. A field is either a span of <see cref="Data"/> (start ≥ 0) or of <see cref="Extra"/>
/// (start &lt; 0, at <c>~start</c>): unescaped quoted fields and partition values live there. A length
/// of -1 means the part has no such column (missing).
/// </summary>
internal sealed class FieldBatch
{
    // Batches come and go at a steady rate and their arrays are large (megabytes): fresh ones would each
    // be a large-object allocation, page faults and, in time, a full collection. They are rented instead
    // and given back once the batch is typed (Release). Pooled arrays may be longer than asked.
    private static readonly ArrayPool<int> Ints = ArrayPool<int>.Create(1 << 24, 16);
    private static readonly ArrayPool<long> Longs = ArrayPool<long>.Create(1 << 20, 16);

    public FieldBatch(string source, int width, int capacity)
    {
        Source = source;
        Width = width;
        Capacity = capacity;
        // Readers set every slot of every row they fill, so the arrays need no zeroing.
        Starts = Ints.Rent(width * capacity);
        Lengths = Ints.Rent(width * capacity);
        Lines = Longs.Rent(capacity);
        RecordStarts = Ints.Rent(capacity);
        RecordEnds = Ints.Rent(capacity);
    }

    /// <summary>The shared block <see cref="Data"/> belongs to, if the reader shares its blocks.</summary>
    public SharedBlock? Block { get; set; }

    /// <summary>Gives the batch's arrays back to the pool (and lets go of its block); the batch must not be used afterwards.</summary>
    public void Release()
    {
        if (_released) return;
        _released = true;
        Block?.Release();
        if (Capacity == 0) return; // a part from the cache: its arrays are empty, not rented
        Ints.Return(Starts);
        Ints.Return(Lengths);
        Longs.Return(Lines);
        Ints.Return(RecordStarts);
        Ints.Return(RecordEnds);
    }

    private bool _released;

    /// <summary>The file (or "stdin") the rows came from.</summary>
    public string Source { get; }

    /// <summary>Columns per row (the whole source's columns, not just this part's).</summary>
    public int Width { get; }

    /// <summary>The most rows the batch can hold.</summary>
    public int Capacity { get; }

    /// <summary>Rows held.</summary>
    public int Rows { get; set; }

    /// <summary>The bytes most fields point into.</summary>
    public byte[] Data { get; set; } = [];

    /// <summary>Bytes of fields that are not verbatim in <see cref="Data"/>.</summary>
    public byte[] Extra { get; set; } = [];

    /// <summary>Field starts, at <c>column * Capacity + row</c>.</summary>
    public int[] Starts { get; }

    /// <summary>Field lengths, at <c>column * Capacity + row</c>; -1 for an absent column.</summary>
    public int[] Lengths { get; }

    /// <summary>The line (or row number) each row started on, 1-based.</summary>
    public long[] Lines { get; }

    /// <summary>Where each row's raw text starts in <see cref="Data"/>.</summary>
    public int[] RecordStarts { get; }

    /// <summary>Where each row's raw text ends in <see cref="Data"/>.</summary>
    public int[] RecordEnds { get; }

    /// <summary>Whether rows have no text of their own (Parquet): a row's raw text is then "row N".</summary>
    public bool NumberedRows { get; init; }

    /// <summary>For a part the cache already knows: what its last ingest gave (the batch then holds no rows).</summary>
    public CachedPart? Cached { get; init; }

    /// <summary>Rows the reader could not split into fields, with reasons.</summary>
    public List<QuarantinedRow> Quarantined { get; } = [];

    /// <summary>The bytes of a field (empty for an absent one; check <see cref="IsAbsent"/>).</summary>
    public ReadOnlySpan<byte> Field(int column, int row)
    {
        var at = column * Capacity + row;
        var length = Lengths[at];
        if (length <= 0) return default;
        var start = Starts[at];
        return start >= 0 ? Data.AsSpan(start, length) : Extra.AsSpan(~start, length);
    }

    /// <summary>Whether the row's part has no such column.</summary>
    public bool IsAbsent(int column, int row) => Lengths[column * Capacity + row] < 0;

    /// <summary>A row's text as it was in the source.</summary>
    public string Raw(int row) => NumberedRows ? $"row {Lines[row]}" : Encoding.UTF8.GetString(Data, RecordStarts[row], RecordEnds[row] - RecordStarts[row]);
}
