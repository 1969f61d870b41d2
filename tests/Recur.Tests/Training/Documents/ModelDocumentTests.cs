using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Documents;

namespace Recur.Tests.Training.Documents;

public sealed class ModelDocumentTests
{
    private static readonly ProjectConfig Config = new()
    {
        Label = "income", Positive = ">50K", Key = "id", Training = new TrainingConfig { Iterations = 4, Leaves = 4 },
    };

    private static (ModelVersion, TrainedModel) Trained()
    {
        var table = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        var model = LightGbmTrainer.Train("m", table, FeaturePlan.From(Config, table), Config.Training, 0.5, 3);
        var version = new ModelVersion("m", 1, new string('a', 64), DateTimeOffset.UnixEpoch,
            new ModelLineage(["s1"], "cfg", "0.1.0", 3, "lightgbm", new Dictionary<string, string> { ["leaves"] = "4", ["iterations"] = "4" }, null,
                new TrainingEnvironment(".NET 10", "Linux", "X64", new Dictionary<string, string> { ["Microsoft.ML.Data"] = "5.0.1" })),
            new Dictionary<string, double> { ["auc"] = 0.8 }, "passed", ["champion"]) { Tags = new Dictionary<string, string> { ["owner"] = "risk" } };
        return (version, model);
    }

    [Fact]
    public void Of_LightGbmModel_WritesEveryTreeWithFeatureNamesAndLeaves()
    {
        var (version, model) = Trained();

        var document = ModelDocument.Of(version, model);

        var trees = model.Trees!;
        Assert.Equal(("trees", trees.Trees.Count, trees.Trees.Sum(t => t.LeafValue.Count)), (document.Structure.Kind, document.Structure.TreeCount!.Value, document.Structure.LeafCount!.Value));
        Assert.Equal(trees.Trees.Count, document.Structure.Trees!.Count);
        Assert.Equal(trees.Trees.Sum(t => t.SplitFeature.Count), document.Structure.SplitsByFeature!.Values.Sum());
        var root = document.Structure.Trees[0];
        Assert.Contains(root.Feature!, document.Inputs.Select(i => i.Name));
        Assert.Equal(trees.Trees[0].LeafValue.Count, Leaves(root).Count());
        Assert.Equal(trees.Trees[0].LeafValue.OrderBy(v => v), Leaves(root).Select(l => l.Value!.Value).OrderBy(v => v));
        Assert.All(document.Structure.Trees.SelectMany(SplitsOf), s => Assert.True(s.Threshold is not null || s.CategoriesLeft is { Count: > 0 }));
    }

    [Fact]
    public void ToJson_SameVersion_IsByteIdenticalAndLeavesOutWhatMoves()
    {
        var (version, model) = Trained();

        var first = ModelDocument.Of(version, model).ToJson();
        var second = ModelDocument.Of(version with { Aliases = [] }, model).ToJson();

        Assert.Equal(first, second);
        Assert.DoesNotContain("champion", first, StringComparison.Ordinal);
        Assert.DoesNotContain("owner", first, StringComparison.Ordinal);
        Assert.Contains("\"Microsoft.ML.Data\": \"5.0.1\"", first, StringComparison.Ordinal);
    }

    private static IEnumerable<DocumentNode> Leaves(DocumentNode node) =>
        node.Value is not null ? [node] : Leaves(node.Left!).Concat(Leaves(node.Right!));

    private static IEnumerable<DocumentNode> SplitsOf(DocumentNode node) =>
        node.Value is not null ? [] : new[] { node }.Concat(SplitsOf(node.Left!)).Concat(SplitsOf(node.Right!));
}
