using System.Globalization;

namespace Recur.Core.Data;

/// <summary>A column of values held in memory.</summary>
public abstract class DataColumn(ColumnSpec spec)
{
    /// <summary>The column's name and type.</summary>
    public ColumnSpec Spec { get; } = spec;

    /// <summary>The column's name.</summary>
    public string Name => Spec.Name;

    /// <summary>The number of values.</summary>
    public abstract int Length { get; }

    /// <summary>Whether the value at a row is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value as invariant text (null when missing): what hashing and logging see.</summary>
    public abstract string? Format(int row);

    /// <summary>A new column holding only the given rows, in order.</summary>
    public abstract DataColumn Take(IReadOnlyList<int> rows);
}

/// <summary>
/// Numbers (integer or real); NaN marks a missing value. A column may also be made from its non-zero entries
/// (<see cref="Sparse"/>, e.g. one TF-IDF term over many rows): readers that understand them use them, and
/// <see cref="Values"/> is filled in only when first asked for.
/// </summary>
public sealed class NumericColumn : DataColumn
{
    private double[]? _values;
    private readonly object _gate = new();

    /// <summary>A column of the given values.</summary>
    public NumericColumn(ColumnSpec spec, double[] values) : base(spec)
    {
        _values = values ?? throw new ArgumentNullException(nameof(values));
        Length = values.Length;
    }

    /// <summary>A column of <paramref name="length"/> rows that is zero except at the given entries.</summary>
    public NumericColumn(ColumnSpec spec, int length, SparseValues sparse) : base(spec)
    {
        Sparse = sparse ?? throw new ArgumentNullException(nameof(sparse));
        Length = length;
    }

    /// <summary>The values; NaN where missing.</summary>
    public double[] Values => _values ?? Dense();

    /// <summary>The non-zero entries when the column was made from them; null for a dense column.</summary>
    public SparseValues? Sparse { get; }

    /// <inheritdoc />
    public override int Length { get; }

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <inheritdoc />
    public override string? Format(int row) =>
        IsMissing(row) ? null : Values[row].ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override DataColumn Take(IReadOnlyList<int> rows)
    {
        var values = Values;
        var taken = new double[rows.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = values[rows[i]];
        return new NumericColumn(Spec, taken);
    }

    private double[] Dense()
    {
        lock (_gate)
        {
            if (_values is null)
            {
                var values = new double[Length];
                var sparse = Sparse!;
                for (var i = 0; i < sparse.Rows.Length; i++) values[sparse.Rows[i]] = sparse.Values[i];
                Volatile.Write(ref _values, values);
            }
            return _values;
        }
    }
}

/// <summary>The non-zero entries of a numeric column: their rows, increasing, and their values.</summary>
/// <param name="Rows">The rows, in increasing order.</param>
/// <param name="Values">The value at each of those rows.</param>
public sealed record SparseValues(int[] Rows, double[] Values);

/// <summary>
/// Text values; null marks a missing value. The strings may be made on first use: a column read
/// straight into another format (ingest writing Parquet from dictionary codes) never makes them.
/// </summary>
public sealed class TextColumn : DataColumn
{
    private string?[]? _values;
    private Func<string?[]>? _make;

    /// <summary>A column of the given values.</summary>
    public TextColumn(ColumnSpec spec, string?[] values) : base(spec)
    {
        _values = values;
        Length = values.Length;
    }

    /// <summary>A column of <paramref name="length"/> values that <paramref name="make"/> gives when they are first asked for.</summary>
    public TextColumn(ColumnSpec spec, int length, Func<string?[]> make) : base(spec)
    {
        _make = make;
        Length = length;
    }

    /// <summary>The values; null where missing.</summary>
    public string?[] Values
    {
        get
        {
            if (Volatile.Read(ref _values) is { } values) return values;
            lock (this)
            {
                if (_values is null)
                {
                    var made = _make!();
                    if (made.Length != Length) throw new InvalidOperationException($"column {Name}: {made.Length} values made for {Length} rows");
                    Volatile.Write(ref _values, made);
                    _make = null;
                }
                return _values;
            }
        }
    }

    /// <inheritdoc />
    public override int Length { get; }

    /// <inheritdoc />
    public override bool IsMissing(int row) => Values[row] is null;

    /// <inheritdoc />
    public override string? Format(int row) => Values[row];

    /// <inheritdoc />
    public override DataColumn Take(IReadOnlyList<int> rows)
    {
        var values = Values;
        var taken = new string?[rows.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = values[rows[i]];
        return new TextColumn(Spec, taken);
    }
}
