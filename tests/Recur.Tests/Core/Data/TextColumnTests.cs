using Recur.Core.Data;

namespace Recur.Tests.Core.Data;

public sealed class TextColumnTests
{
    private static readonly ColumnSpec Spec = new("payment_type", ColumnType.Text);

    [Fact]
    public void Values_Deferred_AreMadeOnceOnFirstUse()
    {
        var made = 0;
        var column = new TextColumn(Spec, 3, () => { made++; return ["card", null, "cash"]; });

        Assert.Equal(3, column.Length);
        Assert.Equal(0, made);
        Assert.True(column.IsMissing(1));
        Assert.Equal("cash", column.Format(2));
        Assert.Same(column.Values, column.Values);
        Assert.Equal(1, made);
        Assert.Equal(new string?[] { "cash", "card" }, ((TextColumn)column.Take([2, 0])).Values);
    }

    [Fact]
    public void Values_Deferred_WrongLength_Throws()
    {
        var column = new TextColumn(Spec, 2, () => ["card"]);

        var error = Assert.Throws<InvalidOperationException>(() => column.Values);
        Assert.Contains("payment_type", error.Message);
    }

    [Fact]
    public async Task Values_Deferred_AskedForFromManyThreads_AllSeeOneArray()
    {
        var made = 0;
        var column = new TextColumn(Spec, 1000, () => { Interlocked.Increment(ref made); Thread.Sleep(20); return new string?[1000]; });

        var seen = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => column.Values)));

        Assert.All(seen, values => Assert.Same(seen[0], values));
        Assert.Equal(1, made);
    }
}
