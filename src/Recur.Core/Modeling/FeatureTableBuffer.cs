using Recur.Core.Data;

namespace Recur.Core.Modeling;

/// <summary>
/// Column arrays shaped like a model's input contract, filled cell by cell and then turned into a
/// table: numbers in numeric features (NaN = missing), text in text features (null = missing).
/// </summary>
public sealed class FeatureTableBuffer
{
    private readonly FeaturePlan _plan;
    private readonly double[]?[] _numbers;
    private readonly string?[]?[] _texts;

    /// <summary>Buffers for <paramref name="rows"/> rows of the plan's features.</summary>
    public FeatureTableBuffer(FeaturePlan plan, int rows)
    {
        _plan = plan;
        // Loops, not LINQ: a served request builds one buffer per call.
        var features = plan.Features;
        _numbers = new double[]?[features.Count];
        _texts = new string?[]?[features.Count];
        for (var f = 0; f < features.Count; f++)
        {
            if (features[f].Type == ColumnType.Text) _texts[f] = new string?[rows];
            else _numbers[f] = new double[rows];
        }
    }

    /// <summary>The number buffer of feature <paramref name="feature"/>, or null for a text feature.</summary>
    public double[]? Numbers(int feature) => _numbers[feature];

    /// <summary>The text buffer of feature <paramref name="feature"/>, or null for a numeric feature.</summary>
    public string?[]? Texts(int feature) => _texts[feature];

    /// <summary>The filled table, columns in plan order.</summary>
    public DataTable ToTable()
    {
        var features = _plan.Features;
        var columns = new DataColumn[features.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var f = features[c];
            columns[c] = f.Type == ColumnType.Text
                ? new TextColumn(new ColumnSpec(f.Name, f.Type), _texts[c]!)
                : new NumericColumn(new ColumnSpec(f.Name, f.Type), _numbers[c]!);
        }
        return new DataTable(columns);
    }
}
