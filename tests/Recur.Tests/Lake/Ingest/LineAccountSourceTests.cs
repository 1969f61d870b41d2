using Recur.Core.Project;

namespace Recur.Tests.Lake.Ingest;

/// <summary>Line accounting over whole sources (real data, folders, the part cache), as <c>recur ingest</c> reports it.</summary>
public sealed class LineAccountSourceTests
{
    private static DatasetConfig Sentiment(string quote = QuoteSetting.Default) =>
        new() { Header = false, Columns = ["text", "label"], Quote = quote };

    [Fact]
    public async Task IngestAsync_UciSentimentDefaultQuote_AccountsEveryLineAndWarns()
    {
        using var dir = new TempDir();

        var outcome = await IngestSources.IngestAsync(dir, TestData.Path("sentiment", "uci"), Sentiment());

        var lines = outcome.Lines!;
        Assert.Equal(3000, lines.Physical);
        Assert.True(lines.Balanced);
        Assert.True(lines.Merged > 0);
        Assert.Equal(3000, lines.Rows + lines.Quarantined + lines.Merged);
        Assert.Contains(outcome.Warnings!, w => w.Contains("imdb_labelled.txt: line 20:") && w.Contains("quote: none"));
    }

    [Fact]
    public async Task IngestAsync_UciSentimentQuoteNone_Stores3000Rows()
    {
        using var dir = new TempDir();

        var outcome = await IngestSources.IngestAsync(dir, TestData.Path("sentiment", "uci"), Sentiment(QuoteSetting.None));

        Assert.Equal(3000, outcome.Snapshot.Rows);
        Assert.Equal(0, outcome.Lines!.Merged);
        Assert.Empty(outcome.Warnings!);
    }

    [Fact]
    public async Task IngestAsync_GermanCreditNoHeader_Reads21SpaceDelimitedColumns()
    {
        using var dir = new TempDir();
        var config = new DatasetConfig { Header = false, Columns = [.. Enumerable.Range(1, 21).Select(i => $"a{i}")] };

        var outcome = await IngestSources.IngestAsync(dir, TestData.Path("german-credit", "german.data"), config);

        Assert.Equal(21, outcome.Snapshot.Schema.Count);
        Assert.Equal(1000, outcome.Snapshot.Rows);
        Assert.Empty(outcome.Quarantined);
        Assert.True(outcome.Lines!.Balanced);
    }

    [Fact]
    public async Task IngestAsync_FolderFromThePartCache_StillAccountsAndWarns()
    {
        using var dir = new TempDir();
        var folder = dir.Path("d");
        dir.Write("d/a.txt", "\"stray\t1\nswallowed\t0\nit \"ends\" here\t1\n");
        dir.Write("d/b.txt", "fine\t1\n");
        var lake = dir.Path("lake");

        var first = await IngestSources.IngestAsync(dir, folder, Sentiment(), lake: lake);
        var again = await IngestSources.IngestAsync(dir, folder, Sentiment(), lake: lake);

        Assert.Equal(2, again.PartsFromCache);
        Assert.Equal(first.Lines, again.Lines);
        Assert.Equal(4, again.Lines!.Physical);
        Assert.True(again.Lines.Balanced);
        Assert.Equal(first.Warnings, again.Warnings);
        Assert.Single(again.Warnings!);
    }
}
