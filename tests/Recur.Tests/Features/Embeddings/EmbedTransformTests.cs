using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Features.Transforms;

namespace Recur.Tests.Features.Embeddings;

public sealed class EmbedTransformTests
{
    private sealed class Source(params EmbeddingArtifact[] artifacts) : IEmbeddingSource
    {
        public EmbeddingArtifact? Find(string reference) => artifacts.FirstOrDefault(a => a.Name == reference || a.Reference == reference);
    }

    private static readonly EmbeddingArtifact Colours = new()
    {
        Name = "colours", Version = 2, Column = "colour", Dimensions = 2, Vocabulary = ["blue", "red"], Vectors = [[0, 1], [1, 0]], Sha256 = "abc",
    };

    private static readonly EmbeddingArtifact Words = new()
    {
        Name = "words", Version = 1, Column = "text", Kind = EmbeddingKind.Tokens, Dimensions = 2, Vocabulary = ["cat", "dog"], Vectors = [[1, 0], [0, 1]],
    };

    private static Embed.Fitted Fit(EmbeddingArtifact artifact, DataColumn column, string reference)
    {
        var transform = new Embed();
        var settings = TransformSettings.From(transform, new Dictionary<string, string> { ["artifact"] = reference }, "features.transforms[0].params");
        settings.Embeddings = new Source(Colours, Words);
        return (Embed.Fitted)transform.Fit([column], settings, "");
    }

    [Fact]
    public void Apply_UnseenAndMissingValues_ZerosWithUnknownFlag()
    {
        var column = Synthetic.Text("colour", ["red", "green", null, "blue"]);
        var fitted = Fit(Colours, column, "colours");

        var outputs = fitted.Apply([column]);

        Assert.Equal(["colour:emb0", "colour:emb1", "colour:emb_unknown"], outputs.Select(o => o.Name));
        var values = outputs.Select(o => ((NumericColumn)o).Values).ToArray();
        Assert.Equal([1, 0, 0, 0], values[0]);
        Assert.Equal([0, 0, 0, 1], values[1]);
        Assert.Equal([0, 1, 1, 0], values[2]);
    }

    [Fact]
    public void Apply_TokensArtifact_MeanOfKnownTokenVectors()
    {
        var column = Synthetic.Text("title", ["Cat and DOG", "a cat", "nothing known", ""]);
        var fitted = Fit(Words, column, "words@v1");

        var values = fitted.Apply([column]).Select(o => ((NumericColumn)o).Values).ToArray();

        Assert.Equal([0.5, 1, 0, 0], values[0]);
        Assert.Equal([0.5, 0, 0, 0], values[1]);
        Assert.Equal([0, 0, 1, 1], values[2]);
    }

    [Fact]
    public void Fit_MissingArtifact_NamesTheKeyAndTheCommand()
    {
        var e = Assert.Throws<RecurException>(() => Fit(Colours, Synthetic.Text("colour", ["red"]), "nope"));

        Assert.StartsWith("features.transforms[0].params.artifact: no embedding 'nope' (run recur features embed nope", e.Message, StringComparison.Ordinal);
        Assert.Equal("features.transforms[0].params.artifact", e.Field);
    }

    [Fact]
    public void From_NoArtifactParameter_IsAnErrorNamingIt()
    {
        var e = Assert.Throws<RecurException>(() => TransformSettings.From(new Embed(), new Dictionary<string, string>(), "features.transforms[1].params"));

        Assert.Equal("features.transforms[1].params.artifact", e.Field);
    }

    [Fact]
    public void FeatureChain_WithEmbedStep_RoundTripsThroughJsonAndComputesTheSameFeatures()
    {
        var train = new DataTable([Synthetic.Text("colour", ["red", "blue", "red", "blue"]), Synthetic.Text("y", ["a", "b", "a", "b"])]);
        var config = new FeaturesConfig { Transforms = [new TransformConfig { Transform = "embed", Columns = ["colour"], Params = new() { ["artifact"] = "colours" } }] };
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y" }, train);

        var chain = FeatureEngineering.Fit(config, plan, train, embeddings: new Source(Colours)).Chain!;
        var read = FeatureChain.FromJson(chain.ToJson(TransformCatalog.Standard), TransformCatalog.Standard);

        var step = Assert.IsType<Embed.Fitted>(Assert.Single(read.Steps));
        Assert.Equal("colours@v2", step.Artifact);
        Assert.Equal("abc", step.Sha256);
        var rows = new DataTable([Synthetic.Text("colour", ["blue", "purple"])]);
        Assert.Equal(
            chain.Apply(rows).Columns.Select(c => ((NumericColumn)c).Values),
            read.Apply(rows).Columns.Select(c => ((NumericColumn)c).Values));
    }
}
