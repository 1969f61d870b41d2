using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class DelimiterSnifferTests
{
    [Fact]
    public void Resolve_GermanCreditLines_PicksSpace()
    {
        var lines = File.ReadLines(TestData.Path("german-credit", "german.data")).Take(20).ToList();

        Assert.Equal(' ', DelimiterSniffer.Resolve(new DatasetConfig(), lines, "german.data"));
    }

    [Fact]
    public void Resolve_CommaSeparatedTextWithSpaces_KeepsTheComma()
    {
        Assert.Equal(',', DelimiterSniffer.Resolve(new DatasetConfig(), ["name,city", "Ann Lee,New York", "Bo Li,San Jose"], "t.csv"));
    }

    [Fact]
    public void Resolve_Prose_DoesNotPickSpace()
    {
        Assert.Equal(',', DelimiterSniffer.Resolve(new DatasetConfig(), ["text", "A fine film.", "Not for me at all.", "Loved it"], "t.csv"));
    }

    [Fact]
    public void SingleColumnHint_MostLinesSplitOnSemicolon_NamesIt()
    {
        var hint = DelimiterSniffer.SingleColumnHint(["a;b", "1;2", "3;4", "oops"], '"');

        Assert.Equal((';', 2, 3), hint);
    }

    [Fact]
    public void SingleColumnHint_Prose_IsNull()
    {
        Assert.Null(DelimiterSniffer.SingleColumnHint(["A fine film.", "Not for me at all.", "Loved it"], '"'));
    }
}
