using System.Text;
using Recur.Core.Data;

namespace Recur.Lake.Ingest;

/// <summary>One column of a typed batch: numbers (NaN = missing) or texts (null = missing), and the
/// rows whose value does not fit the column's type. A text column comes as codes with the strings they
/// stand for when every value was remembered, else as strings.</summary>
internal sealed record ColumnChunk(double[]? Numbers, string?[]? Texts, List<(int Row, string Value)> Failures, CodedText? Coded = null);

/// <summary>
/// Types one column, batch after batch. Each field is trimmed, recoded, checked against the missing
/// tokens and classified once. A declared type is used as is. Otherwise the first batch decides a
/// working type by the <see cref="TypeInference"/> rule, and the counts over all rows give the final
/// type at the end: when the two differ, the caller reads the source again with the final types
/// declared, so the result is as if every row had been seen before typing any.
/// </summary>
internal sealed class ColumnTyper
{
    private readonly Dictionary<string, string>? _recode;
    private readonly byte[][] _missing;
    private readonly Utf8Interner _interner = new();
    private NumberKind[] _kinds = new NumberKind[256];
    private int _classified;
    private long _present;
    private long _integers;
    private long _reals;

    public ColumnTyper(string name, ColumnType? declared, Dictionary<string, string>? recode, IEnumerable<string> missing)
    {
        Name = name;
        Declared = declared;
        Working = declared;
        _recode = recode is { Count: > 0 } ? recode : null;
        _missing = missing.Where(m => m.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The declared type, if any.</summary>
    public ColumnType? Declared { get; }

    /// <summary>The type rows are typed with (null before the first batch).</summary>
    public ColumnType? Working { get; private set; }

    /// <summary>How many values were present, integers and reals so far.</summary>
    public (long Present, long Integers, long Reals) Counts => (_present, _integers, _reals);

    /// <summary>Takes in a part typed earlier (from the part cache): its type, if none is set yet, and its counts.</summary>
    public void Absorb(ColumnType type, long present, long integers, long reals)
    {
        Working ??= type;
        Count(present, integers, reals);
    }

    /// <summary>The type every row seen so far calls for.</summary>
    public ColumnType Final => Declared ?? TypeInference.Decide(_present, _integers, _reals);

    /// <summary>Types the column's fields in a batch. Trimmed spans are written back into the batch.</summary>
    public ColumnChunk Type(FieldBatch batch, int column)
    {
        var rows = batch.Rows;
        var failures = new List<(int, string)>();
        var fields = new ColumnFields(batch, column);
        string?[]? recoded = _recode is null ? null : new string?[rows];
        if (Working == ColumnType.Text) return TypeAsText(batch, column, recoded, failures);
        if (Working is { } numeric) return new ColumnChunk(TypeAsNumbers(batch, column, recoded, numeric, failures), null, failures);

        // The first batch: classify every value, then settle the working type from what was seen.
        var numbers = new double[rows];
        var kinds = new NumberKind[rows];
        var present = new bool[rows];
        long batchPresent = 0, batchIntegers = 0, batchReals = 0;
        for (var r = 0; r < rows; r++)
        {
            numbers[r] = double.NaN;
            var value = Value(ref fields, r, recoded);
            if (value.IsEmpty) continue;
            present[r] = true;
            batchPresent++;
            var kind = kinds[r] = NumberText.Classify(value, out numbers[r]);
            if (kind == NumberKind.Integer) batchIntegers++;
            else if (kind == NumberKind.Real) batchReals++;
        }
        _present += batchPresent;
        _integers += batchIntegers;
        _reals += batchReals;
        Working = TypeInference.Decide(batchPresent, batchIntegers, batchReals);

        if (Working == ColumnType.Text)
        {
            var text = new TextBuilder(rows, recoded is null, _interner);
            for (var r = 0; r < rows; r++)
            {
                if (!present[r]) { text.Missing(r); continue; }
                if (recoded?[r] is { } mapped) text.Set(r, mapped);
                else text.Intern(r, batch.Field(column, r));
            }
            return text.Chunk(failures);
        }
        for (var r = 0; r < rows; r++)
        {
            if (present[r] && !Fits(kinds[r], Working.Value))
            {
                failures.Add((r, recoded?[r] ?? Encoding.UTF8.GetString(batch.Field(column, r))));
                numbers[r] = double.NaN;
            }
        }
        return new ColumnChunk(numbers, null, failures);
    }

    private ColumnChunk TypeAsText(FieldBatch batch, int column, string?[]? recoded, List<(int, string)> failures)
    {
        // Recoded values are not in the interner's tables, so a recoded column carries no codes.
        var text = new TextBuilder(batch.Rows, recoded is null, _interner);
        var fields = new ColumnFields(batch, column);
        long present = 0, integers = 0, reals = 0;
        for (var r = 0; r < batch.Rows; r++)
        {
            var value = Value(ref fields, r, recoded);
            if (value.IsEmpty) { text.Missing(r); continue; }
            present++;
            // Counted all the same: the final type is decided over every row. A remembered value is
            // classified once, when first seen.
            NumberKind kind;
            if (recoded?[r] is { } mapped)
            {
                text.Set(r, mapped);
                kind = NumberText.Classify(value, out _);
            }
            else
            {
                var code = text.Intern(r, value);
                kind = code < 0 ? NumberText.Classify(value, out _) : KindOf(code);
            }
            if (kind == NumberKind.Integer) integers++;
            else if (kind == NumberKind.Real) reals++;
        }
        Count(present, integers, reals);
        return text.Chunk(failures);
    }

    private double[] TypeAsNumbers(FieldBatch batch, int column, string?[]? recoded, ColumnType type, List<(int, string)> failures)
    {
        var numbers = new double[batch.Rows];
        var fields = new ColumnFields(batch, column);
        long present = 0, integers = 0, reals = 0;
        for (var r = 0; r < numbers.Length; r++)
        {
            var value = Value(ref fields, r, recoded);
            if (value.IsEmpty) { numbers[r] = double.NaN; continue; }
            present++;
            var kind = NumberText.Classify(value, out numbers[r]);
            if (kind == NumberKind.Integer) integers++;
            else if (kind == NumberKind.Real) reals++;
            if (!Fits(kind, type))
            {
                failures.Add((r, recoded?[r] ?? Encoding.UTF8.GetString(value)));
                numbers[r] = double.NaN;
            }
        }
        Count(present, integers, reals);
        return numbers;
    }

    private NumberKind KindOf(int code)
    {
        // Codes are issued in order; classify the ones issued since the last call from their bytes.
        if (code < _classified) return _kinds[code];
        if (code >= _kinds.Length) Array.Resize(ref _kinds, Math.Max(code + 1, _kinds.Length * 2));
        var utf8 = _interner.Utf8;
        for (; _classified <= code; _classified++) _kinds[_classified] = NumberText.Classify(utf8[_classified], out _);
        return _kinds[code];
    }

    // Counted for declared columns too: a part typed under types declared by a second pass is cached
    // with the counts that decided them.
    private void Count(long present, long integers, long reals)
    {
        _present += present;
        _integers += integers;
        _reals += reals;
    }

    private static bool Fits(NumberKind kind, ColumnType type) =>
        kind == NumberKind.Integer || (kind == NumberKind.Real && type == ColumnType.Real);

    // The field trimmed and recoded; empty when missing. The trimmed span is stored back in the batch.
    private ReadOnlySpan<byte> Value(ref ColumnFields fields, int r, string?[]? recoded)
    {
        var length = fields.Lengths[r];
        if (length <= 0) return default;
        var start = fields.Starts[r];
        var field = start >= 0 ? fields.Data.AsSpan(start, length) : fields.Extra.AsSpan(~start, length);
        // Spaces and control bytes sort below '!': a field with neither at either end needs no trimming.
        if (field[0] <= (byte)' ' || field[^1] <= (byte)' ')
        {
            var lead = 0;
            while (lead < field.Length && IsSpace(field[lead])) lead++;
            var end = field.Length;
            while (end > lead && IsSpace(field[end - 1])) end--;
            if (lead > 0 || end < field.Length)
            {
                field = field[lead..end];
                fields.Starts[r] = start >= 0 ? start + lead : ~(~start + lead);
                fields.Lengths[r] = field.Length;
            }
        }
        if (recoded is not null)
        {
            var text = Encoding.UTF8.GetString(field);
            if (_recode!.TryGetValue(text, out var mapped))
            {
                if (IsMissing(mapped)) return default;
                recoded[r] = mapped;
                return mapped.Length == 0 ? default : Encoding.UTF8.GetBytes(mapped);
            }
        }
        if (field.IsEmpty || (_missing.Length > 0 && IsMissing(field))) return default;
        return field;
    }

    // One column's slice of a batch's field arrays, taken once per column rather than once per field.
    private readonly ref struct ColumnFields(FieldBatch batch, int column)
    {
        public readonly Span<int> Starts = batch.Starts.AsSpan(column * batch.Capacity, batch.Rows);
        public readonly Span<int> Lengths = batch.Lengths.AsSpan(column * batch.Capacity, batch.Rows);
        public readonly byte[] Data = batch.Data;
        public readonly byte[] Extra = batch.Extra;
    }

    private bool IsMissing(string value) => value.Length == 0 || _missing.Any(m => Encoding.UTF8.GetBytes(value).AsSpan().SequenceEqual(m));

    private bool IsMissing(ReadOnlySpan<byte> field)
    {
        foreach (var token in _missing)
        {
            if (field.SequenceEqual(token)) return true;
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\v' or (byte)'\f';
}
