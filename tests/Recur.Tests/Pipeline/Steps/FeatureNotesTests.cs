using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

public sealed class FeatureNotesTests
{
    private static (FeaturePlan Plan, DataTable Table) Rows(Func<int, string?> sentence, int rows = 100)
    {
        var table = new DataTable([
            new TextColumn(new ColumnSpec("sentence", ColumnType.Text), Enumerable.Range(0, rows).Select(sentence).ToArray()),
            new TextColumn(new ColumnSpec("colour", ColumnType.Text), Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "red" : "blue").ToArray()),
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), Enumerable.Range(0, rows).Select(i => (double)i).ToArray()),
            new TextColumn(new ColumnSpec("y", ColumnType.Text), Enumerable.Range(0, rows).Select(i => i % 2 == 0 ? "yes" : "no").ToArray()),
        ]);
        return (FeaturePlan.From(new ProjectConfig { Label = "y", Positive = "yes" }, table), table);
    }

    [Fact]
    public void For_TextColumnWithAValuePerRow_NamesItWithItsCounts()
    {
        var (plan, table) = Rows(i => $"sentence number {i}");

        var note = Assert.Single(FeatureNotes.For(plan, table));

        Assert.StartsWith("text column 'sentence' has 100 distinct values in 100 training rows", note, StringComparison.Ordinal);
    }

    [Fact]
    public void For_FewDistinctValues_SaysNothing()
    {
        var (plan, table) = Rows(i => $"s{i % 40}");

        Assert.Empty(FeatureNotes.For(plan, table));
    }

    [Fact]
    public void For_FewerRowsThanTheMinimum_SaysNothing()
    {
        var (plan, table) = Rows(i => $"sentence number {i}", rows: FeatureNotes.MinRows - 1);

        Assert.Empty(FeatureNotes.For(plan, table));
    }

    [Fact]
    public void For_MissingValues_AreNotCounted()
    {
        var (plan, table) = Rows(i => i < 40 ? null : $"sentence number {i}");

        Assert.StartsWith("text column 'sentence' has 60 distinct values in 60 training rows", Assert.Single(FeatureNotes.For(plan, table)), StringComparison.Ordinal);
    }

    [Fact]
    public void LeftOut_OneWordTextWithAValuePerRow_IsLeftOutAndNamed()
    {
        var (_, table) = Rows(i => $"sentence number {i}");
        var withId = new DataTable([.. table.Columns, new TextColumn(new ColumnSpec("order", ColumnType.Text), Enumerable.Range(0, 100).Select(i => $"o-{i}").ToArray())]);
        var config = new ProjectConfig { Label = "y", Positive = "yes" };
        var plan = FeaturePlan.From(config, withId);

        var note = Assert.Single(FeatureNotes.LeftOut(config, plan, withId));

        Assert.DoesNotContain(plan.Features, f => f.Name == "order");
        Assert.StartsWith("column 'order' has a distinct value in every row, like an identifier", note, StringComparison.Ordinal);
    }

    [Fact]
    public void LeftOut_TheKeyColumn_IsNotNoted()
    {
        var (_, table) = Rows(i => $"sentence number {i}");
        var withId = new DataTable([.. table.Columns, new TextColumn(new ColumnSpec("order", ColumnType.Text), Enumerable.Range(0, 100).Select(i => $"o-{i}").ToArray())]);
        var config = new ProjectConfig { Label = "y", Positive = "yes", Key = "order" };

        Assert.Empty(FeatureNotes.LeftOut(config, FeaturePlan.From(config, withId), withId));
    }
}
