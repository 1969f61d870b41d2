using Recur.Features.Embeddings;

namespace Recur.Tests.Features.Embeddings;

public sealed class EmbeddingStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static EmbeddingArtifact Artifact(string name, float x) => new()
    {
        Name = name, Column = "c", Dimensions = 2, Vocabulary = ["p", "q"], Vectors = [[x, 0], [0, 1]],
    };

    [Fact]
    public void Add_Twice_NumbersVersionsAndFindsNewestOrNamed()
    {
        var store = new EmbeddingStore(_dir.Path("embeddings"));

        var first = store.Add(Artifact("codes", 1));
        var second = store.Add(Artifact("codes", 0.5f));

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(2, store.Find("codes")!.Version);
        Assert.Equal(0.5f, store.Find("codes")!.Vectors[0][0]);
        Assert.Equal(1f, store.Find("codes@v1")!.Vectors[0][0]);
        Assert.Null(store.Find("codes@v9"));
        Assert.Null(store.Find("other"));
        Assert.Equal([("codes", 1), ("codes", 2)], store.List());
    }

    [Fact]
    public void Add_NewVersion_LeavesOlderFileUntouchedAndNoTemporaryFiles()
    {
        var store = new EmbeddingStore(_dir.Path("embeddings"));
        store.Add(Artifact("codes", 1));
        var path = Path.Combine(store.Folder, "codes", "v1.json");
        var before = File.ReadAllBytes(path);

        store.Add(Artifact("codes", 2));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["v1.json", "v2.json"], Directory.GetFiles(Path.Combine(store.Folder, "codes")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Add_StoresContentHash_IndependentOfNameAndVersion()
    {
        var store = new EmbeddingStore(_dir.Path("embeddings"));

        var a = store.Add(Artifact("one", 1));
        var b = store.Add(Artifact("two", 1));

        Assert.Equal(64, a.Sha256.Length);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.Equal(a.Sha256, store.Find("two")!.ContentHash());
    }

    [Theory]
    [InlineData("ok-name_1.x", true)]
    [InlineData("ok@v3", true)]
    [InlineData("bad name", false)]
    [InlineData("x@3", false)]
    [InlineData("../up", false)]
    [InlineData("", false)]
    public void Problem_References_AcceptsOnlyNamesAndVersions(string reference, bool valid) =>
        Assert.Equal(valid, EmbeddingStore.Problem(reference) is null);
}
