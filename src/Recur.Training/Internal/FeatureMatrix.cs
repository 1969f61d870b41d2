using System.Runtime.CompilerServices;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Internal;

/// <summary>
/// The dense layout the direct LightGBM path trains and predicts on: one column per plan feature, in plan
/// order. A numeric feature is its value as float32 (NaN when missing); a text feature is its category's
/// code, the index of the value in the feature's sorted training categories (<see cref="FeatureSpec.Categories"/>,
/// saved in the manifest), declared to LightGBM as categorical; a missing or unseen value is NaN, which a
/// categorical split always sends right. Values are rounded through float32 on both paths, so the managed
/// evaluator sees exactly what LightGBM trained on.
/// </summary>
internal sealed class FeatureMatrix
{
    private readonly IReadOnlyList<FeatureSpec> _features;
    private readonly Dictionary<string, int>?[] _codes;

    public FeatureMatrix(IReadOnlyList<FeatureSpec> features)
    {
        _features = features;
        _codes = features.Select(f => f.Type == ColumnType.Text
            ? (f.Categories ?? []).Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal)
            : null).ToArray();
    }

    /// <summary>The number of columns.</summary>
    public int Width => _features.Count;

    /// <summary>The indices of the categorical (text) columns.</summary>
    public IEnumerable<int> CategoricalColumns => Enumerable.Range(0, _features.Count).Where(i => _codes[i] is not null);

    /// <summary>Every row of the table, row-major, as LightGBM's <c>LGBM_DatasetCreateFromMat</c> takes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[] RowMajor(DataTable table)
    {
        var rows = table.RowCount;
        var matrix = new float[rows * Width];
        for (var c = 0; c < Width; c++)
        {
            var column = Column(table, c);
            if (_codes[c] is { } codes)
            {
                var texts = ((TextColumn)column).Values;
                for (var r = 0; r < rows; r++) matrix[r * Width + c] = Code(codes, texts[r]);
            }
            else if (((NumericColumn)column).Sparse is { } sparse)
            {
                // The matrix starts at zero: only the column's entries are written.
                for (var i = 0; i < sparse.Rows.Length; i++) matrix[sparse.Rows[i] * Width + c] = (float)sparse.Values[i];
            }
            else
            {
                var numbers = ((NumericColumn)column).Values;
                for (var r = 0; r < rows; r++) matrix[r * Width + c] = (float)numbers[r];
            }
        }
        return matrix;
    }

    /// <summary>The table's columns in plan order, resolved once for reading row after row.</summary>
    public BoundColumns Bind(DataTable table) => new(this, _features.Select((_, c) => Column(table, c)).ToArray());

    // The column of feature c, checked to have the type the model was trained on.
    private DataColumn Column(DataTable table, int c)
    {
        var column = table[_features[c].Name];
        var text = _codes[c] is not null;
        if (text != column is TextColumn)
        {
            throw Core.RecurException.Invalid($"feature '{column.Name}' must be {(text ? "text" : "numeric")} for this model", column.Name);
        }
        return column;
    }

    private static float Code(Dictionary<string, int> codes, string? value) =>
        value is not null && codes.TryGetValue(value, out var code) ? code : float.NaN;

    /// <summary>A table's feature columns, read one row at a time into the evaluator's input.</summary>
    internal readonly struct BoundColumns(FeatureMatrix matrix, DataColumn[] columns)
    {
        /// <summary>Writes row <paramref name="row"/>'s values, as LightGBM reads a float32 matrix, into <paramref name="values"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Read(int row, Span<double> values)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                double value = matrix._codes[c] is { } codes
                    ? Code(codes, ((TextColumn)columns[c]).Values[row])
                    : (float)((NumericColumn)columns[c]).Values[row];
                // LightGBM reads |x| ≤ 1e-35 as an exact zero.
                values[c] = Math.Abs(value) <= Trees.DecisionTree.ZeroThreshold ? 0 : value;
            }
        }
    }
}
