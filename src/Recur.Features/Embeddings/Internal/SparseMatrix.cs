namespace Recur.Features.Embeddings.Internal;

/// <summary>
/// A real matrix in compressed sparse row form: co-occurrence and PPMI matrices are mostly zeros, and a vocabulary of
/// tens of thousands of tokens would not fit densely. Only the products the truncated SVD needs are offered.
/// </summary>
internal sealed class SparseMatrix
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;

    private SparseMatrix(int rows, int columns, int[] rowStart, int[] columnIndex, double[] values)
    {
        Rows = rows;
        Columns = columns;
        _rowStart = rowStart;
        _columns = columnIndex;
        _values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>The stored (non-zero) entries.</summary>
    public int Count => _values.Length;

    /// <summary>A matrix from (row, column) → value entries; zeros are dropped, columns sorted within each row.</summary>
    public static SparseMatrix From(int rows, int columns, IEnumerable<KeyValuePair<(int Row, int Column), double>> entries)
    {
        var sorted = entries.Where(e => e.Value != 0).OrderBy(e => e.Key.Row).ThenBy(e => e.Key.Column).ToArray();
        var rowStart = new int[rows + 1];
        foreach (var e in sorted) rowStart[e.Key.Row + 1]++;
        for (var r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
        return new SparseMatrix(rows, columns, rowStart, [.. sorted.Select(e => e.Key.Column)], [.. sorted.Select(e => e.Value)]);
    }

    /// <summary>A sparse copy of a dense matrix.</summary>
    public static SparseMatrix From(double[,] dense)
    {
        var entries = new List<KeyValuePair<(int, int), double>>();
        for (var r = 0; r < dense.GetLength(0); r++)
        {
            for (var c = 0; c < dense.GetLength(1); c++) entries.Add(new((r, c), dense[r, c]));
        }
        return From(dense.GetLength(0), dense.GetLength(1), entries);
    }

    /// <summary>Every stored entry of row <paramref name="row"/>: its column and value.</summary>
    public IEnumerable<(int Column, double Value)> Row(int row)
    {
        for (var i = _rowStart[row]; i < _rowStart[row + 1]; i++) yield return (_columns[i], _values[i]);
    }

    /// <summary>A new matrix with every stored value mapped (entries mapped to zero are dropped).</summary>
    public SparseMatrix Map(Func<int, int, double, double> map)
    {
        var entries = new List<KeyValuePair<(int, int), double>>(Count);
        for (var r = 0; r < Rows; r++)
        {
            for (var i = _rowStart[r]; i < _rowStart[r + 1]; i++) entries.Add(new((r, _columns[i]), map(r, _columns[i], _values[i])));
        }
        return From(Rows, Columns, entries);
    }

    /// <summary>This matrix times a dense Columns × k matrix.</summary>
    public double[,] Times(double[,] x)
    {
        var k = x.GetLength(1);
        var result = new double[Rows, k];
        for (var r = 0; r < Rows; r++)
        {
            for (var i = _rowStart[r]; i < _rowStart[r + 1]; i++)
            {
                var c = _columns[i];
                var v = _values[i];
                for (var j = 0; j < k; j++) result[r, j] += v * x[c, j];
            }
        }
        return result;
    }

    /// <summary>The transpose of this matrix times a dense Rows × k matrix.</summary>
    public double[,] TransposeTimes(double[,] y)
    {
        var k = y.GetLength(1);
        var result = new double[Columns, k];
        for (var r = 0; r < Rows; r++)
        {
            for (var i = _rowStart[r]; i < _rowStart[r + 1]; i++)
            {
                var c = _columns[i];
                var v = _values[i];
                for (var j = 0; j < k; j++) result[c, j] += v * y[r, j];
            }
        }
        return result;
    }
}
