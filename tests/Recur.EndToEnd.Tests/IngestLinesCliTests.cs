namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>recur ingest</c> on real files whose quotes or delimiter used to lose rows silently: every physical
/// line is accounted for in the JSON, and what looks wrong is reported with the fix.
/// </summary>
public sealed class IngestLinesCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public IngestLinesCliTests()
    {
        Directory.CreateDirectory(Root);
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "data", "sentiment", "uci"), Path.Combine(Root, "data", "sentiment"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "german-credit", "german.data"), Path.Combine(Root, "data", "german.data"));
    }

    private string Root => _dir.Path("p");

    public void Dispose() => _dir.Dispose();

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*.txt")) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }

    private void Project(string datasets) => File.WriteAllText(Path.Combine(Root, "recur.yaml"), $"name: m\nlabel: label\ndatasets:\n{datasets}");

    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(Root, [.. args, "--project", Root]);

    [Fact]
    public async Task Ingest_UciSentimentDefaultQuote_AccountsEveryLineAndWarns()
    {
        Project("  sentiment:\n    source: data/sentiment\n    header: false\n    columns: [text, label]\n");

        var result = await Ok("ingest", "sentiment", "--json");

        var json = result.Json;
        var lines = json.GetProperty("lines");
        Assert.Equal(3000, lines.GetProperty("physical").GetInt64());
        Assert.Equal(3000, lines.GetProperty("accounted").GetInt64());
        Assert.True(lines.GetProperty("balanced").GetBoolean());
        Assert.True(lines.GetProperty("merged").GetInt64() > 0);
        Assert.Equal(3000, json.GetProperty("rows").GetInt64() + json.GetProperty("quarantined").GetInt64() + lines.GetProperty("merged").GetInt64());
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.Contains("imdb_labelled.txt: line 20:", warning);
        Assert.Contains("quote: none", warning);
        Assert.Contains("warning: data/sentiment/imdb_labelled.txt: line 20:", result.Stderr);
    }

    [Fact]
    public async Task Ingest_UciSentimentQuoteNoneInRecurYaml_Stores3000Rows()
    {
        Project("  sentiment:\n    source: data/sentiment\n    header: false\n    columns: [text, label]\n    quote: none\n");

        var json = (await Ok("ingest", "sentiment", "--json")).Json;

        Assert.Equal(3000, json.GetProperty("rows").GetInt64());
        Assert.Equal(0, json.GetProperty("lines").GetProperty("merged").GetInt64());
        Assert.Empty(json.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Train_UciSentimentSentenceDeclaredCategorical_ReportSaysWhyAndTheGateRefuses()
    {
        File.WriteAllText(Path.Combine(Root, "recur.yaml"),
            "name: m\nlabel: label\npositive: \"1\"\ndatasets:\n  train:\n    source: data/sentiment\n    header: false\n    columns: [text, label]\n    quote: none\nfeatures:\n  roles:\n    text: categorical\n  max_categories: 5000\n");
        await Ok("ingest", "train");

        var result = await CliRunner.RunAsync(Root, "train", "--json", "--project", Root);

        Assert.True(result.ExitCode is 0 or 3, result.Stderr);
        var note = Assert.Single(result.Json.GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.StartsWith("text column 'text' has ", note, StringComparison.Ordinal);
        Assert.Contains("teaches the model nothing", note, StringComparison.Ordinal);
        // One category per sentence: the model is no better than chance, and the gate does not let it through.
        Assert.False(result.Json.GetProperty("gate").GetProperty("promote").GetBoolean());
    }

    [Fact]
    public async Task Train_UciSentimentSentenceByDefault_IsReadAsFreeTextWithTfidf()
    {
        File.WriteAllText(Path.Combine(Root, "recur.yaml"),
            "name: m\nlabel: label\npositive: \"1\"\ndatasets:\n  train:\n    source: data/sentiment\n    header: false\n    columns: [text, label]\n    quote: none\n");
        await Ok("ingest", "train");

        var result = await CliRunner.RunAsync(Root, "train", "--json", "--project", Root);

        Assert.Equal(0, result.ExitCode);
        var note = Assert.Single(result.Json.GetProperty("notes").EnumerateArray()).GetString()!;
        Assert.StartsWith("text column 'text' has ", note, StringComparison.Ordinal);
        Assert.Contains("read as free text, TF-IDF of its words", note, StringComparison.Ordinal);
        Assert.True(result.Json.GetProperty("candidate").GetProperty("auc").GetDouble() > 0.75, result.Stdout);
    }

    [Fact]
    public async Task Ingest_UciSentimentQuoteNoneOption_Stores3000Rows()
    {
        Project("  {}\n");

        var json = (await Ok("ingest", Path.Combine(Root, "data", "sentiment"), "--dataset", "s", "--no-header", "--columns", "text,label", "--quote", "none", "--json")).Json;

        Assert.Equal(3000, json.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task Ingest_GermanCreditNoHeader_Reads21Columns()
    {
        Project($"  german:\n    source: data/german.data\n    header: false\n    columns: [{string.Join(", ", Enumerable.Range(1, 21).Select(i => $"a{i}"))}]\n");

        var json = (await Ok("ingest", "german", "--json")).Json;
        var snapshot = json.GetProperty("snapshot").GetString()!;
        var shown = (await Ok("data", "show", snapshot, "--json")).Json;

        Assert.Equal(1000, json.GetProperty("rows").GetInt64());
        Assert.Equal(0, json.GetProperty("quarantined").GetInt64());
        Assert.True(json.GetProperty("lines").GetProperty("balanced").GetBoolean());
        Assert.Equal(21, shown.GetProperty("schema").GetArrayLength());
    }

    [Fact]
    public async Task Ingest_BadQuoteInRecurYaml_FailsNamingTheOption()
    {
        Project("  sentiment:\n    source: data/sentiment\n    quote: off\n");

        var result = await CliRunner.RunAsync(Root, "ingest", "sentiment", "--project", Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("datasets.sentiment.quote", result.Stderr);
    }
}
