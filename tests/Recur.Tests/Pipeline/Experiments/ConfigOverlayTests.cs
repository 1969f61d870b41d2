using Recur.Core;
using Recur.Pipeline.Config;
using Recur.Pipeline.Experiments;

namespace Recur.Tests.Pipeline.Experiments;

/// <summary>The overlay merge: mappings merged as deep as they go, lists and scalars replaced, errors naming the overlay's line.</summary>
public sealed class ConfigOverlayTests
{
    private const string Base = """
        name: m
        label: y
        features:
          exclude: [a, b]
          max_categories: 50
        training:
          trainer: lightgbm
          leaves: 31
          iterations: 200
        """;

    [Fact]
    public void Merge_NestedMapping_MergesKeyByKey()
    {
        var merged = ProjectConfigLoader.Bind(ConfigOverlay.Merge(Base, "training:\n  leaves: 63\n", "more.yaml"), "merged");

        Assert.Equal(63, merged.Training.Leaves);
        Assert.Equal(200, merged.Training.Iterations);
        Assert.Equal("lightgbm", merged.Training.Trainer);
        Assert.Equal(50, merged.Features.MaxCategories);
    }

    [Fact]
    public void Merge_List_ReplacesTheBaseList()
    {
        var merged = ProjectConfigLoader.Bind(ConfigOverlay.Merge(Base, "features:\n  exclude: [c]\n", "o.yaml"), "merged");

        Assert.Equal(["c"], merged.Features.Exclude);
        Assert.Equal(50, merged.Features.MaxCategories);
    }

    [Fact]
    public void Merge_EmptyOverlay_IsTheBase()
    {
        Assert.Equal(Base, ConfigOverlay.Merge(Base, "# nothing\n", "o.yaml"));
    }

    [Fact]
    public void Merge_UnknownKey_NamesTheOverlayFileAndLine()
    {
        var e = Assert.Throws<RecurException>(() => ConfigOverlay.Merge(Base, "training:\n  leaves: 63\n  leafs: 2\n", "experiments/typo.yaml"));

        Assert.StartsWith("experiments/typo.yaml: line 3, column 3:", e.Message);
        Assert.Contains("leafs", e.Message);
    }

    [Fact]
    public void Merge_WrongType_NamesTheOverlayFileAndLine()
    {
        var e = Assert.Throws<RecurException>(() => ConfigOverlay.Merge(Base, "training:\n  leaves: many\n", "o.yaml"));

        Assert.StartsWith("o.yaml: line 2,", e.Message);
    }

    [Theory]
    [InlineData("split:\n  validation: 0.5\n", "split", 1)]
    [InlineData("seed: 7\n", "seed", 1)]
    [InlineData("training:\n  leaves: 63\nevaluation:\n  dataset: other\n", "evaluation.dataset", 4)]
    [InlineData("promotion:\n  metric: accuracy\n", "promotion.metric", 2)]
    public void Merge_KeyThatChangesTheComparisonGround_IsRefusedAtItsLine(string overlay, string key, int line)
    {
        var e = Assert.Throws<RecurException>(() => ConfigOverlay.Merge(Base, overlay, "o.yaml"));

        Assert.StartsWith($"o.yaml: line {line},", e.Message);
        Assert.Contains($"{key} cannot change in a variation", e.Message);
    }

    [Fact]
    public void WithTrainer_FlatTrainerKeys_AreReplacedByTheOnlyCandidate()
    {
        var merged = ProjectConfigLoader.Bind(ConfigOverlay.WithTrainer(Base, "sdca", new Dictionary<string, string> { ["l2"] = "0.1" }), "merged");

        var candidate = Assert.Single(merged.Training.Candidates);
        Assert.Equal("sdca", candidate.Trainer);
        Assert.Equal("0.1", candidate.Params["l2"]);
        Assert.Equal(31, new Recur.Core.Project.TrainingConfig().Leaves);
        Assert.DoesNotContain("iterations", ConfigOverlay.WithTrainer(Base, "sdca", new Dictionary<string, string>()), StringComparison.Ordinal);
    }
}
