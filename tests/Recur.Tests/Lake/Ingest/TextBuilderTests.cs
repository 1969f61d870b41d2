using System.Text;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class TextBuilderTests
{
    [Fact]
    public void Chunk_EveryValueRemembered_IsCodesWithTheirStrings()
    {
        var builder = new TextBuilder(4, coded: true, new Utf8Interner());
        builder.Intern(0, "card"u8);
        builder.Missing(1);
        builder.Intern(2, "cash"u8);
        builder.Intern(3, "card"u8);

        var chunk = builder.Chunk([]);

        Assert.Null(chunk.Texts);
        Assert.Equal([0, -1, 1, 0], chunk.Coded!.Codes);
        Assert.Equal(["card", "cash"], chunk.Coded.Values[..2]);
        Assert.Equal("cash"u8.ToArray(), chunk.Coded.Utf8[1]);
    }

    [Fact]
    public void Chunk_AValueWithoutACode_TurnsTheRowsBeforeItIntoStrings()
    {
        var builder = new TextBuilder(4, coded: true, new Utf8Interner());
        var tooLong = new string('x', 300);
        builder.Intern(0, "card"u8);
        builder.Missing(1);
        builder.Intern(2, Encoding.UTF8.GetBytes(tooLong));
        builder.Intern(3, "cash"u8);

        var chunk = builder.Chunk([]);

        Assert.Null(chunk.Coded);
        Assert.Equal(new string?[] { "card", null, tooLong, "cash" }, chunk.Texts!);
    }

    [Fact]
    public void Chunk_ARecodedValue_TurnsTheColumnIntoStrings()
    {
        var builder = new TextBuilder(3, coded: true, new Utf8Interner());
        builder.Intern(0, "card"u8);
        builder.Set(1, "credit");
        builder.Missing(2);

        var chunk = builder.Chunk([]);

        Assert.Null(chunk.Coded);
        Assert.Equal(new string?[] { "card", "credit", null }, chunk.Texts!);
    }
}
