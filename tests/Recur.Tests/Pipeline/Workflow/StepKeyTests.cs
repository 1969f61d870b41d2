using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Workflow;
using Recur.Training.Trainers;

namespace Recur.Tests.Pipeline.Workflow;

/// <summary>Step keys: a change in a section a step reads changes its key; a change anywhere else keeps it.</summary>
public sealed class StepKeyTests
{
    private static ProjectConfig Config()
    {
        var config = new ProjectConfig { Name = "m", Label = "y", Seed = 7 };
        config.Training.Candidates.Add(new CandidateConfig { Trainer = "lightgbm", Params = new() { ["iterations"] = "20" } });
        config.Training.Candidates.Add(new CandidateConfig { Trainer = "sdca" });
        return config;
    }

    private static FeaturePlan Plan() => new([new FeatureSpec("x", ColumnType.Real, Nullable: false)], "y", "yes", "no");

    private static IReadOnlyList<string> FitKeys(ProjectConfig config)
    {
        var features = TrainingSteps.FeaturesKey(config, TrainingSteps.SplitKey(config, "snap", []), Plan());
        return TrainerChoice.From(config.Training, TrainerCatalog.Standard).Select(c => TrainingSteps.FitKey(config, features, c, 1)).ToList();
    }

    [Fact]
    public void With_SameInputs_GivesTheSameKey()
    {
        Assert.Equal(new StepKey("s").With("a", 1).With("b", new { x = "y" }).Value, new StepKey("s").With("a", 1).With("b", new { x = "y" }).Value);
        Assert.NotEqual(new StepKey("s").With("a", "bc").Value, new StepKey("s").With("ab", "c").Value);
    }

    [Fact]
    public void FitKey_PromotionSectionChanged_KeepsEveryKey()
    {
        var changed = Config();
        changed.Promotion.MinGainOverBaseline = 0.3;
        changed.Promotion.Metric = "accuracy";

        Assert.Equal(FitKeys(Config()), FitKeys(changed));
        Assert.Equal(TrainingSteps.SplitKey(Config(), "snap", []), TrainingSteps.SplitKey(changed, "snap", []));
    }

    [Fact]
    public void FitKey_OneCandidatesParamsChanged_ChangesOnlyItsKey()
    {
        var changed = Config();
        changed.Training.Candidates[0].Params["iterations"] = "30";

        var before = FitKeys(Config());
        var after = FitKeys(changed);

        Assert.NotEqual(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
    }

    [Fact]
    public void FitKey_SeedOrThreadsChanged_ChangesKey()
    {
        var seeded = Config();
        seeded.Seed = 8;
        var config = Config();
        var choice = TrainerChoice.From(config.Training, TrainerCatalog.Standard)[0];

        Assert.NotEqual(FitKeys(config)[0], FitKeys(seeded)[0]);
        Assert.NotEqual(TrainingSteps.FitKey(config, "f", choice, 1), TrainingSteps.FitKey(config, "f", choice, 2));
    }

    [Fact]
    public void SplitKey_SnapshotOrSplitSectionChanged_ChangesKey()
    {
        var config = Config();
        var resplit = Config();
        resplit.Split.Validation = 0.3;

        Assert.NotEqual(TrainingSteps.SplitKey(config, "snap", []), TrainingSteps.SplitKey(config, "other", []));
        Assert.NotEqual(TrainingSteps.SplitKey(config, "snap", []), TrainingSteps.SplitKey(resplit, "snap", []));
        Assert.NotEqual(TrainingSteps.SplitKey(config, "snap", []), TrainingSteps.SplitKey(config, "snap", ["g"]));
    }

    [Fact]
    public void SplitKey_TrainingSectionChanged_KeepsKey()
    {
        var changed = Config();
        changed.Training.Candidates.RemoveAt(1);

        Assert.Equal(TrainingSteps.SplitKey(Config(), "snap", []), TrainingSteps.SplitKey(changed, "snap", []));
    }

    [Fact]
    public void FeaturesKey_FeaturesSectionOrUpstreamChanged_ChangesKeyAndEveryFitKey()
    {
        var changed = Config();
        changed.Features.Exclude.Add("x");

        Assert.NotEqual(TrainingSteps.FeaturesKey(Config(), "split", Plan()), TrainingSteps.FeaturesKey(changed, "split", Plan()));
        Assert.NotEqual(TrainingSteps.FeaturesKey(Config(), "split", Plan()), TrainingSteps.FeaturesKey(Config(), "split2", Plan()));
        Assert.NotEqual(FitKeys(Config())[1], FitKeys(changed)[1]);
    }
}
