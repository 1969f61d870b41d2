using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Features.Embeddings;

namespace Recur.Tests.Features.Embeddings;

public sealed class EmbeddingTrainerTests
{
    private static EmbeddingArtifact Groups(int dimensions = 4) =>
        EmbeddingTrainer.Train(Synthetic.Groups(), "item", "y", ["colour", "size"], new EmbeddingOptions { Dimensions = dimensions });

    [Fact]
    public void Train_TwoGroupsWithDifferentCompany_NearestNeighboursAreFromTheSameGroup()
    {
        var artifact = Groups();

        foreach (var group in new[] { Synthetic.GroupA, Synthetic.GroupB })
        {
            foreach (var value in group)
            {
                var nearest = artifact.Nearest(value, 3)!;
                Assert.All(nearest, n => Assert.Contains(n.Value, group));
            }
        }
    }

    [Fact]
    public void Train_ValueSeenOnce_HasNoVector()
    {
        var artifact = Groups();

        Assert.DoesNotContain("rare", artifact.Vocabulary);
        Assert.Null(artifact.Nearest("rare", 3));
        Assert.Equal(8, artifact.Vocabulary.Count);
    }

    [Fact]
    public void Train_Vectors_AreUnitLength()
    {
        var artifact = Groups();

        Assert.All(artifact.Vectors, v => Assert.Equal(1, Math.Sqrt(v.Sum(x => (double)x * x)), 1e-5));
        Assert.Equal(4, artifact.Dimensions);
    }

    [Fact]
    public void Train_SameDataAndSeed_SameBytes()
    {
        var a = Groups(dimensions: 6);
        var b = Groups(dimensions: 6);

        Assert.Equal(a.ContentHash(), b.ContentHash());
        Assert.Equal(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b));
    }

    [Fact]
    public void Train_Tokens_WordsSharingContextsAreNeighbours()
    {
        string[] texts =
        [
            "the cat chased the dog around the garden", "a dog and a cat sleep in the garden", "my cat likes the garden dog",
            "the truck drove down the road with a car", "a car passed the truck on the road", "road works slow every truck and car",
        ];
        var table = new DataTable([Synthetic.Text("text", [.. Enumerable.Repeat(texts, 5).SelectMany(t => t)])]);

        var artifact = EmbeddingTrainer.Train(table, "text", null, [], new EmbeddingOptions { Kind = EmbeddingKind.Tokens, Dimensions = 2, Window = 3 });

        Assert.Equal(EmbeddingKind.Tokens, artifact.Kind);
        Assert.DoesNotContain("the", artifact.Vocabulary);
        Assert.DoesNotContain(artifact.Nearest("cat", 4)!, n => n.Value is "truck" or "car" or "road" or "drove" or "passed");
        Assert.True(EmbeddingArtifact.Cosine(artifact.Vector("cat")!, artifact.Vector("dog")!) > EmbeddingArtifact.Cosine(artifact.Vector("cat")!, artifact.Vector("truck")!));
    }

    [Fact]
    public void Train_NumericColumnAsTokens_Refused()
    {
        var table = new DataTable([new NumericColumn(new ColumnSpec("n", ColumnType.Real), [1, 2, 3])]);

        var e = Assert.Throws<RecurException>(() => EmbeddingTrainer.Train(table, "n", null, [], new EmbeddingOptions { Kind = EmbeddingKind.Tokens }));

        Assert.Contains("token embeddings need text", e.Message);
    }
}
