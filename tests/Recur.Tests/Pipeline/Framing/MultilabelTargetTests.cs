using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Pipeline.Framing;

namespace Recur.Tests.Pipeline.Framing;

/// <summary>Several 0/1 columns declared as one target become the label's list column.</summary>
public sealed class MultilabelTargetTests
{
    private static ProjectConfig Config() => new()
    {
        Label = "labels",
        Framing = new FramingConfig { Multilabel = new MultilabelConfig { Columns = ["docs", "bug"] } },
    };

    private static DataTable Table(double[] bug, string?[] docs) => new(
    [
        new NumericColumn(new ColumnSpec("x", ColumnType.Real), [.. bug.Select((_, i) => (double)i)]),
        new NumericColumn(new ColumnSpec("bug", ColumnType.Integer), bug),
        new TextColumn(new ColumnSpec("docs", ColumnType.Text), docs),
    ]);

    [Fact]
    public void Apply_ZeroOneColumns_BecomeTheSortedListColumnAndLeaveTheInputs()
    {
        var rows = MultilabelTarget.Apply(Config(), Table([1, 0, 1, 0], ["true", "0", "1", "false"]));

        Assert.Equal(["x", "labels"], rows.Columns.Select(c => c.Name));
        Assert.Equal(["bug;docs", "", "bug;docs", ""], Enumerable.Range(0, 4).Select(r => rows["labels"].Format(r)));
    }

    [Fact]
    public void Apply_ListColumn_PassesThrough()
    {
        var table = Table([1, 0], ["1", "0"]);
        Assert.Same(table, MultilabelTarget.Apply(new ProjectConfig { Label = "tags" }, table));
    }

    [Fact]
    public void Apply_ValueOtherThanZeroOrOne_NamesColumnAndRow()
    {
        var error = Assert.Throws<RecurException>(() => MultilabelTarget.Apply(Config(), Table([1, 0, 2], ["1", "0", "0"])));
        Assert.Contains("column 'bug' holds '2' in row 3 of the data (line 4", error.Message);
        Assert.Equal("framing.multilabel.columns", error.Field);
    }

    [Fact]
    public void Apply_ColumnAlwaysZero_HasOneClass()
    {
        var error = Assert.Throws<RecurException>(() => MultilabelTarget.Apply(Config(), Table([1, 0], ["0", "0"])));
        Assert.Contains("label 'docs' is 0 in every one of the 2 rows", error.Message);
    }
}
