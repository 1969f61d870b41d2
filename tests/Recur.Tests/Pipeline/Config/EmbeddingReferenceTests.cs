using Recur.Core;
using Recur.Features.Embeddings;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class EmbeddingReferenceTests
{
    private const string Yaml = "name: m\nlabel: y\nfeatures:\n  transforms:\n    - transform: embed\n      columns: [c]\n      params: {artifact: codes}\n";

    [Fact]
    public void Load_EmbedStepWithMissingArtifact_FailsNamingTheLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", Yaml);

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.StartsWith("recur.yaml: line 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("features.transforms[0].params.artifact: no embedding 'codes'", e.Message);
    }

    [Fact]
    public void Load_EmbedStepWithStoredArtifact_Loads()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", Yaml);
        new EmbeddingStore(Path.Combine(dir.Root, ".recur", "embeddings")).Add(new EmbeddingArtifact { Name = "codes", Column = "c", Dimensions = 1, Vocabulary = ["x"], Vectors = [[1]] });

        var (config, _) = ProjectConfigLoader.Load(path);

        Assert.Equal("codes", config.Features.Transforms[0].Params["artifact"]);
    }
}
