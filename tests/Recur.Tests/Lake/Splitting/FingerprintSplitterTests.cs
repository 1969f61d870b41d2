using Recur.Core.Data;
using Recur.Core.Hashing;
using Recur.Lake.Splitting;

namespace Recur.Tests.Lake.Splitting;

public sealed class FingerprintSplitterTests
{
    private static DataTable Keys(int n) => new([new TextColumn(new ColumnSpec("id", ColumnType.Text), Enumerable.Range(0, n).Select(i => (string?)$"k{i}").ToArray())]);

    [Fact]
    public void Split_SameKeysTwice_GivesTheSameSplit()
    {
        var a = FingerprintSplitter.Split(Keys(5000), ["id"], 0.2);
        var b = FingerprintSplitter.Split(Keys(5000), ["id"], 0.2);

        Assert.Equal(a.Validation, b.Validation);
    }

    [Fact]
    public void Split_TwentyPercent_PutsAboutTwentyPercentInValidation()
    {
        var (train, validation) = FingerprintSplitter.Split(Keys(20000), ["id"], 0.2);

        Assert.Equal(20000, train.Count + validation.Count);
        Assert.InRange(validation.Count / 20000.0, 0.18, 0.22);
    }

    [Fact]
    public void Split_RowOrderShuffled_KeepsEachKeyInItsSplit()
    {
        var table = Keys(1000);
        var reversed = table.Take(Enumerable.Range(0, 1000).Reverse().ToList());

        var forward = FingerprintSplitter.Split(table, ["id"], 0.3).Validation.Select(r => table["id"].Format(r)).ToHashSet();
        var backward = FingerprintSplitter.Split(reversed, ["id"], 0.3).Validation.Select(r => reversed["id"].Format(r)).ToHashSet();

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void IsValidation_MatchesTheBigQueryRule()
    {
        foreach (var key in new[] { "a", "hello", "adult.test:17", "" })
        {
            var expected = Math.Abs(Fingerprint64.Hash(key) % 100) < 20;
            Assert.Equal(expected, FingerprintSplitter.IsValidation(key, 0.2));
        }
    }

    [Fact]
    public void Split_UnknownColumn_FailsNamingIt()
    {
        var e = Assert.Throws<Recur.Core.RecurException>(() => FingerprintSplitter.Split(Keys(3), ["nope"], 0.2));

        Assert.Contains("'nope'", e.Message);
    }

    [Fact]
    public void KeysOf_SeveralColumnsWithMissingValues_EqualsKeyOfRowByRow()
    {
        var table = new DataTable([
            new TextColumn(new ColumnSpec("a", ColumnType.Text), ["x", null, "z"]),
            new NumericColumn(new ColumnSpec("b", ColumnType.Real), [1.5, double.NaN, -3]),
        ]);

        var keys = FingerprintSplitter.KeysOf(table, ["a", "b"]);

        Assert.Equal(Enumerable.Range(0, 3).Select(r => FingerprintSplitter.KeyOf(table, ["a", "b"], r)), keys);
        Assert.Equal("x\u001f1.5", keys[0]);
    }
}
