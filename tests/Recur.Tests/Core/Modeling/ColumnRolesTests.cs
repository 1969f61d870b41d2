using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Tests.Core.Modeling;

public sealed class ColumnRolesTests
{
    private static TextColumn Text(Func<int, string?> value, int rows = 100) =>
        new(new ColumnSpec("c", ColumnType.Text), Enumerable.Range(0, rows).Select(value).ToArray());

    private static NumericColumn Number(ColumnType type, Func<int, double> value, int rows = 100) =>
        new(new ColumnSpec("c", type), Enumerable.Range(0, rows).Select(value).ToArray());

    [Fact]
    public void Infer_RepeatedShortText_IsCategorical() =>
        Assert.Equal(ColumnRole.Categorical, ColumnRoles.Infer(Text(i => i % 3 == 0 ? "State-gov" : "Private")));

    [Fact]
    public void Infer_UniqueSentences_IsFreeText() =>
        Assert.Equal(ColumnRole.Text, ColumnRoles.Infer(Text(i => $"the phone number {i} works well")));

    [Fact]
    public void Infer_UniqueOneWordText_IsKey() =>
        Assert.Equal(ColumnRole.Key, ColumnRoles.Infer(Text(i => $"id-{i}")));

    [Fact]
    public void Infer_IsoDates_IsDateTime() =>
        Assert.Equal(ColumnRole.DateTime, ColumnRoles.Infer(Text(i => $"2011-01-{1 + i % 28:00}")));

    [Fact]
    public void Infer_UniqueIntegers_IsKey() =>
        Assert.Equal(ColumnRole.Key, ColumnRoles.Infer(Number(ColumnType.Integer, i => i + 1)));

    [Fact]
    public void Infer_RepeatedIntegers_IsNumeric() =>
        Assert.Equal(ColumnRole.Numeric, ColumnRoles.Infer(Number(ColumnType.Integer, i => i % 24)));

    [Fact]
    public void Infer_UniqueReals_IsNumeric() =>
        Assert.Equal(ColumnRole.Numeric, ColumnRoles.Infer(Number(ColumnType.Real, i => i * 0.5)));

    [Fact]
    public void Infer_FewerRowsThanTheMinimum_KeepsThePlainRole()
    {
        Assert.Equal(ColumnRole.Categorical, ColumnRoles.Infer(Text(i => $"id-{i}", rows: ColumnRoles.MinRows - 1)));
        Assert.Equal(ColumnRole.Numeric, ColumnRoles.Infer(Number(ColumnType.Integer, i => i, rows: ColumnRoles.MinRows - 1)));
    }

    [Fact]
    public void Infer_MissingValues_AreIgnored() =>
        Assert.Equal(ColumnRole.Key, ColumnRoles.Infer(Text(i => i % 2 == 0 ? null : $"id-{i}")));
}
