using Recur.Core;
using Recur.Core.Data;
using Recur.Lake.Bridging;

namespace Recur.Tests.Lake.Bridging;

public sealed class SchemaBridgeTests
{
    private static DataTable Payments(params string?[] types) => new([
        new TextColumn(new ColumnSpec("payment_type", ColumnType.Text), types),
        new NumericColumn(new ColumnSpec("amount", ColumnType.Real), types.Select((_, i) => (double)i).ToArray()),
    ]);

    private static readonly Dictionary<string, List<string>> CardSplit = new() { ["card"] = ["credit", "debit", "gift"] };

    [Fact]
    public void Bridge_OldCardRows_DrawNewValuesWithObservedProbabilities()
    {
        var old = Payments(Enumerable.Repeat<string?>("card", 6000).Append("cash").ToArray());
        var @new = Payments([.. Enumerable.Repeat<string?>("credit", 60), .. Enumerable.Repeat<string?>("debit", 30), .. Enumerable.Repeat<string?>("gift", 10), "cash"]);

        var outcome = SchemaBridge.Bridge(old, @new, "payment_type", CardSplit, 42);

        var values = ((TextColumn)outcome.Table["payment_type"]).Values.Take(6000).ToList();
        Assert.DoesNotContain("card", values);
        Assert.InRange(values.Count(v => v == "credit") / 6000.0, 0.57, 0.63);
        Assert.InRange(values.Count(v => v == "gift") / 6000.0, 0.08, 0.12);
        Assert.Equal("cash", ((TextColumn)outcome.Table["payment_type"]).Values[6000]);
        Assert.Equal(6000, outcome.BridgedRows);
        Assert.Equal(0.6, outcome.Probabilities["card"]["credit"], 12);
    }

    [Fact]
    public void Bridge_MarksBridgedRowsAndKeepsNewRows()
    {
        var outcome = SchemaBridge.Bridge(Payments("card", "cash"), Payments("debit", "cash"), "payment_type", CardSplit.ToDictionary(x => x.Key, _ => new List<string> { "debit" }), 1);

        Assert.Equal([1.0, 0, 0, 0], ((NumericColumn)outcome.Table[SchemaBridge.BridgedColumn]).Values);
        Assert.Equal(4, outcome.Table.RowCount);
    }

    [Fact]
    public void Bridge_SameSeed_GivesTheSameTable()
    {
        var old = Payments(Enumerable.Repeat<string?>("card", 200).ToArray());
        var @new = Payments("credit", "debit", "gift");

        var a = SchemaBridge.Bridge(old, @new, "payment_type", CardSplit, 7);
        var b = SchemaBridge.Bridge(old, @new, "payment_type", CardSplit, 7);

        Assert.Equal(Recur.Lake.Snapshots.SnapshotHasher.Hash(a.Table), Recur.Lake.Snapshots.SnapshotHasher.Hash(b.Table));
    }

    [Fact]
    public void Bridge_TargetNeverSeenInNewData_FailsNamingIt()
    {
        var e = Assert.Throws<RecurException>(() => SchemaBridge.Bridge(Payments("card"), Payments("credit", "debit"), "payment_type", CardSplit, 1));

        Assert.Contains("'gift'", e.Message);
        Assert.Equal("bridges.map.card", e.Field);
    }
}
