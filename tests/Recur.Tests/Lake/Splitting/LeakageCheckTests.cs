using Recur.Core.Data;
using Recur.Lake.Splitting;

namespace Recur.Tests.Lake.Splitting;

public sealed class LeakageCheckTests
{
    private static DataTable Table(string?[] ids, string?[] days, double[] values) => new([
        new TextColumn(new ColumnSpec("id", ColumnType.Text), ids),
        new TextColumn(new ColumnSpec("day", ColumnType.Text), days),
        new NumericColumn(new ColumnSpec("v", ColumnType.Real), values),
    ]);

    [Fact]
    public void Check_SameKeyInBothSplits_ReportsIt()
    {
        var table = Table(["a", "b", "a"], ["2024-01-01", "2024-01-02", "2024-01-03"], [1, 2, 3]);

        var finding = Assert.Single(LeakageCheck.Check(table, [0, 1], [2], ["id"], null));

        Assert.Equal("key_in_both_splits", finding.Kind);
        Assert.Equal(["a"], finding.Examples);
    }

    [Fact]
    public void Check_DuplicateRowAcrossSplits_ReportsIt()
    {
        var table = Table(["a", "b", "a"], ["d", "e", "d"], [1, 2, 1]);

        Assert.Contains(LeakageCheck.Check(table, [0, 1], [2], [], null), f => f.Kind == "duplicate_rows_across_splits");
    }

    [Fact]
    public void Check_ValidationBeforeTraining_ReportsIt()
    {
        var table = Table(["a", "b", "c"], ["2024-01-03", "2024-01-01", "2024-01-02"], [1, 2, 3]);

        Assert.Contains(LeakageCheck.Check(table, [0], [1, 2], [], "day"), f => f.Kind == "validation_before_train" && f.Count == 2);
    }

    [Fact]
    public void TimeSplit_LatestRowsGoToValidation_AndPassTheCheck()
    {
        var days = Enumerable.Range(1, 10).Select(d => (string?)$"2024-01-{d:00}").Reverse().ToArray();
        var table = Table(days.Select((_, i) => (string?)$"k{i}").ToArray(), days, Enumerable.Range(0, 10).Select(i => (double)i).ToArray());

        var (train, validation) = TimeSplitter.Split(table, "day", 0.3);

        Assert.Equal(3, validation.Count);
        Assert.All(validation, r => Assert.True(string.CompareOrdinal(table["day"].Format(r), "2024-01-08") >= 0));
        Assert.Empty(LeakageCheck.Check(table, train, validation, ["id"], "day"));
    }
}
