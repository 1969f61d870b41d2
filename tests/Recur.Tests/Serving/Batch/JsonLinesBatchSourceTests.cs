using Recur.Serving.Batch;

namespace Recur.Tests.Serving.Batch;

public sealed class JsonLinesBatchSourceTests
{
    private static readonly string[] Columns = ["x", "colour", "id"];
    private static readonly Dictionary<string, int> Position = new() { ["x"] = 0, ["colour"] = 1, ["id"] = 2 };

    [Fact]
    public void Row_FlatObject_TakesValuesByNameAndMarksAbsentOnes()
    {
        var row = JsonLinesBatchSource.Row("""{"id":"a","x":4,"extra":true}""", 7, Columns, Position);

        Assert.Equal(7, row.Index);
        Assert.Equal(4.0, row.Values![0]);
        Assert.Same(RawValues.Absent, row.Values[1]);
        Assert.Equal("a", row.Values[2]);
    }

    [Fact]
    public void Row_InstanceShape_ReadsFeaturesAndTheKeyBesideThem()
    {
        var row = JsonLinesBatchSource.Row("""{"id":"k1","features":{"x":null,"colour":["a"]}}""", 1, Columns, Position);

        Assert.Null(row.Values![0]);
        Assert.Equal(new RawValues.Structured("an array"), row.Values[1]);
        Assert.Equal("k1", row.Values[2]);
    }

    [Fact]
    public void Row_NotJson_IsRefusedWithTheParsersReason()
    {
        var row = JsonLinesBatchSource.Row("{oops", 3, Columns, Position);

        Assert.Null(row.Values);
        Assert.StartsWith("not valid JSON:", row.Error);
    }
}
