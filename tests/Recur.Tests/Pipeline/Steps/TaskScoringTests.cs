using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

public sealed class TaskScoringTests
{
    private static DataTable Rows(params string[] labels) => new(
    [
        new NumericColumn(new ColumnSpec("x", ColumnType.Real), labels.Select((_, i) => (double)i).ToArray()),
        new TextColumn(new ColumnSpec("y", ColumnType.Text), labels),
    ]);

    [Fact]
    public void Confusion_Binary_CountsAtTheThresholdNegativeClassFirst()
    {
        var rows = Rows("no", "no", "yes", "yes");
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y", Positive = "yes" }, rows);
        var output = ModelOutput.Binary([0.2, 0.7, 0.69, 0.9], plan, 0.5);

        var matrix = TaskScoring.Confusion(plan, output, rows, threshold: 0.7)!;

        Assert.Equal(["no", "yes"], matrix.Classes);
        Assert.Equal([1, 1], matrix.Counts[0]);
        Assert.Equal([1, 1], matrix.Counts[1]);
        Assert.Equal(0.7, matrix.Threshold);
    }

    [Fact]
    public void Confusion_Multiclass_UsesTheMostProbableClass()
    {
        var rows = Rows("a", "b", "c", "c");
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y", Task = "multiclass" }, rows);
        var output = ModelOutput.Multiclass([[0.6, 0.3, 0.1], [0.5, 0.4, 0.1], [0.1, 0.1, 0.8], [0.2, 0.7, 0.1]], plan);

        var matrix = TaskScoring.Confusion(plan, output, rows, threshold: 0.5)!;

        Assert.Equal(["a", "b", "c"], matrix.Classes);
        Assert.Equal([1, 0, 0], matrix.Counts[0]);
        Assert.Equal([1, 0, 0], matrix.Counts[1]);
        Assert.Equal([0, 1, 1], matrix.Counts[2]);
        Assert.Null(matrix.Threshold);
    }

    [Fact]
    public void Confusion_Regression_IsNull()
    {
        var rows = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), [1, 2, 3]), new NumericColumn(new ColumnSpec("y", ColumnType.Real), [1.5, 2.5, 9])]);
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y" }, rows);

        Assert.Null(TaskScoring.Confusion(plan, ModelOutput.Regression([1, 2, 3]), rows, 0.5));
    }
}
