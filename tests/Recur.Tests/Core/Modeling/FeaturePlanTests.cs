using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;

namespace Recur.Tests.Core.Modeling;

public sealed class FeaturePlanTests
{
    private static DataTable Table(DataColumn label) =>
        new([new NumericColumn(new ColumnSpec("x", ColumnType.Real), Enumerable.Range(0, label.Length).Select(i => (double)i).ToArray()), label]);

    private static TextColumn Text(params string?[] values) => new(new ColumnSpec("y", ColumnType.Text), values);

    private static NumericColumn Numbers(ColumnType type, params double[] values) => new(new ColumnSpec("y", type), values);

    [Theory]
    [InlineData(ColumnType.Integer, new double[] { 0, 1, 1, 0 }, ModelTask.Binary)]
    [InlineData(ColumnType.Integer, new double[] { 0, 1, 2, 2 }, ModelTask.Multiclass)]
    [InlineData(ColumnType.Integer, new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, ModelTask.Regression)]
    [InlineData(ColumnType.Real, new double[] { 0.5, 1.5, 2.5 }, ModelTask.Regression)]
    public void From_NumericLabel_InfersTheTask(ColumnType type, double[] values, ModelTask expected)
    {
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y" }, Table(Numbers(type, values)));

        Assert.Equal(expected, plan.Task);
    }

    [Fact]
    public void From_TextLabelWithThreeClasses_IsMulticlassWithSortedClasses()
    {
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y" }, Table(Text("b", "c", "a", "b")));

        Assert.Equal(ModelTask.Multiclass, plan.Task);
        Assert.Equal(["a", "b", "c"], plan.ClassNames);
        Assert.Equal([1, 2, 0, 1], plan.ClassIndices(Table(Text("b", "c", "a", "b"))));
    }

    [Fact]
    public void From_OneClass_IsRefusedNamingTheLabel()
    {
        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y" }, Table(Text("a", "a"))));

        Assert.Equal("label", e.Field);
        Assert.Contains("1 class", e.Message);
    }

    [Fact]
    public void From_RegressionWithTextLabel_IsRefused()
    {
        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, Table(Text("a", "b", "c"))));

        Assert.Contains("numeric", e.Message);
    }

    [Fact]
    public void From_RegressionLabelWithSomeText_NamesTheFirstTextRow()
    {
        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, Table(Text("1.5", "2", "many", "3"))));

        Assert.Contains("row 3: 'many'", e.Message);
        Assert.Equal("label", e.Field);
    }

    [Fact]
    public void From_RegressionLabelWithOneValue_IsRefused()
    {
        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, Table(Numbers(ColumnType.Real, 4, 4, 4))));

        Assert.Contains("the same value (4) in every row", e.Message);
    }

    [Fact]
    public void From_DeclaredBinaryWithThreeClasses_NamesTheTask()
    {
        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y", Task = "binary" }, Table(Text("a", "b", "c"))));

        Assert.Equal("task", e.Field);
        Assert.Contains("task: multiclass", e.Message);
    }

    [Fact]
    public void From_MoreClassesThanTheLimit_SuggestsRegression()
    {
        var labels = Text([.. Enumerable.Range(0, 200).Select(i => "c" + i)]);

        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y", MaxClasses = 100 }, Table(labels)));

        Assert.Contains("max_classes", e.Message);
        Assert.Contains("regression", e.Message);
        Assert.Contains("hash", e.Message);
    }

    [Fact]
    public void Targets_TextThatIsNotANumber_NamesTheRow()
    {
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, Table(Numbers(ColumnType.Real, 1, 2, 3)));

        var e = Assert.Throws<RecurException>(() => plan.Targets(Table(Text("1", "lots"))));

        Assert.Contains("row 2", e.Message);
    }
}
