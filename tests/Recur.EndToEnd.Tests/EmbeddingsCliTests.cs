namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>recur features embed</c> and <c>neighbours</c> on the adult sample, then a model whose recur.yaml references the
/// artifact: it trains, registers, and its chain shows the embed step; a reference to a missing artifact fails at load.
/// </summary>
public sealed class EmbeddingsCliTests : IDisposable
{
    private const string Project = "name: adult\nseed: 42\nlabel: income\npositive: \">50K\"\nkey: id\ndatasets:\n  train:\n    source: data/train.csv\n"
        + "split:\n  validation: 0.2\ntraining:\n  trainer: lbfgs\nfeatures:\n  exclude: [fnlwgt]\n";

    private readonly TempDir _dir = new();

    public EmbeddingsCliTests()
    {
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(Root, "data", "train.csv"));
        File.WriteAllText(Path.Combine(Root, "recur.yaml"), Project);
    }

    private string Root => _dir.Path("p");

    public void Dispose() => _dir.Dispose();

    private Task<CliResult> Ok(params string[] args) => CliRunner.OkAsync(Root, [.. args, "--project", Root]);

    [Fact]
    public async Task EmbedNeighboursTrain_Occupation_ArtifactIsReusedByTheModelChain()
    {
        await Ok("ingest", "train");

        var embedded = (await Ok("features", "embed", "occ", "--column", "occupation", "--dimensions", "8", "--json")).Json;
        var near = (await Ok("features", "neighbours", "occ", "Exec-managerial", "--top", "3", "--json")).Json;
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), "  transforms:\n    - transform: embed\n      columns: [occupation]\n      params: {artifact: occ}\n");
        var trained = (await Ok("train", "--json")).Json;
        var shown = (await Ok("features", "show", "--json")).Json;

        Assert.Equal("occ@v1", embedded.GetProperty("artifact").GetString());
        Assert.Equal("category", embedded.GetProperty("kind").GetString());
        Assert.Equal(8, embedded.GetProperty("dimensions").GetInt32());
        Assert.Equal(64, embedded.GetProperty("sha256").GetString()!.Length);
        Assert.Equal("occ@v1", near.GetProperty("artifact").GetString());
        var similarities = near.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("similarity").GetDouble()).ToList();
        Assert.Equal(3, similarities.Count);
        Assert.Equal(similarities.OrderDescending(), similarities);
        Assert.All(similarities, s => Assert.InRange(s, -1, 1));
        Assert.DoesNotContain(near.GetProperty("neighbours").EnumerateArray(), n => n.GetProperty("value").GetString() == "Exec-managerial");
        Assert.Equal(1, trained.GetProperty("registered").GetProperty("version").GetInt32());
        var step = Assert.Single(shown.GetProperty("steps").EnumerateArray(), s => s.GetProperty("transform").GetString() == "embed");
        Assert.Equal("occ@v1", step.GetProperty("fitted").GetProperty("artifact").GetString());
        Assert.Equal(9, step.GetProperty("outputs").GetInt32());
    }

    [Fact]
    public async Task Neighbours_UnknownValue_ExitsOneNamingValueAndArtifact()
    {
        await Ok("ingest", "train");
        await Ok("features", "embed", "occ", "--column", "occupation");

        var result = await CliRunner.RunAsync(Root, "features", "neighbours", "occ", "Astronaut", "--project", Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'Astronaut' is not in the vocabulary of occ@v1", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_RecurYamlReferencesMissingArtifact_ExitsOneNamingTheLine()
    {
        File.AppendAllText(Path.Combine(Root, "recur.yaml"), "  transforms:\n    - transform: embed\n      columns: [occupation]\n      params: {artifact: nowhere}\n");

        var result = await CliRunner.RunAsync(Root, "train", "--project", Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("recur.yaml: line 18", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("features.transforms[0].params.artifact: no embedding 'nowhere'", result.Stderr, StringComparison.Ordinal);
    }
}
