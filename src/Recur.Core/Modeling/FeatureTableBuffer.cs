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
        _numbers = plan.Features.Select(f => f.Type == ColumnType.Text ? null : new double[rows]).ToArray();
        _texts = plan.Features.Select(f => f.Type == ColumnType.Text ? new string?[rows] : null).ToArray();
    }

    /// <summary>The number buffer of feature <paramref name="feature"/>, or null for a text feature.</summary>
    public double[]? Numbers(int feature) => _numbers[feature];

    /// <summary>The text buffer of feature <paramref name="feature"/>, or null for a numeric feature.</summary>
    public string?[]? Texts(int feature) => _texts[feature];

    /// <summary>The filled table, columns in plan order.</summary>
    public DataTable ToTable() => new(_plan.Features.Select((f, c) => f.Type == ColumnType.Text
        ? (DataColumn)new TextColumn(new ColumnSpec(f.Name, f.Type), _texts[c]!)
        : new NumericColumn(new ColumnSpec(f.Name, f.Type), _numbers[c]!)).ToArray());
}
