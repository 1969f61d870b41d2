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

/// <summary>Numbers (integer or real); NaN marks a missing value.</summary>
public sealed class NumericColumn(ColumnSpec spec, double[] values) : DataColumn(spec)
{
    /// <summary>The values; NaN where missing.</summary>
    public double[] Values { get; } = values;

    /// <inheritdoc />
    public override int Length => Values.Length;

    /// <inheritdoc />
    public override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <inheritdoc />
    public override string? Format(int row) =>
        IsMissing(row) ? null : Values[row].ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override DataColumn Take(IReadOnlyList<int> rows)
    {
        var taken = new double[rows.Count];
        for (var i = 0; i < taken.Length; i++) taken[i] = Values[rows[i]];
        return new NumericColumn(Spec, taken);
    }
}

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
