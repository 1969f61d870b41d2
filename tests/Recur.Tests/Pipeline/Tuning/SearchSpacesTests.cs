using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Config;
using Recur.Pipeline.Tuning;
using Recur.Training.Trainers;
using Recur.Tuning;

namespace Recur.Tests.Pipeline.Tuning;

/// <summary>training.search: the space mapped onto trainer parameters, and every bad declaration refused at load with its key and line.</summary>
public sealed class SearchSpacesTests
{
    private const string Head = "name: m\ntraining:\n  search:\n";

    private static ProjectConfig Load(string search)
    {
        using var dir = new TempDir();
        return ProjectConfigLoader.Load(dir.Write("recur.yaml", Head + search)).Config;
    }

    [Fact]
    public void From_OneTrainer_ItsParametersByTheirOwnNames()
    {
        var config = Load("    space:\n      lightgbm:\n        leaves: {int: [8, 64], log: true}\n        learning_rate: {real: [0.01, 0.3], log: true}\n        min_rows_per_leaf: {choice: ['5', '20']}\n");

        var space = SearchSpaces.From(config.Training.Search, TrainerCatalog.Standard);

        Assert.Equal(["leaves", "learning_rate", "min_rows_per_leaf"], space.Parameters.Select(p => p.Name));
        Assert.Equal((ParameterKind.Int, 8.0, 64.0, true), (space.Parameters[0].Kind, space.Parameters[0].Low, space.Parameters[0].High, space.Parameters[0].Log));
        Assert.Equal(ParameterKind.Choice, space.Parameters[2].Kind);
        Assert.All(space.Parameters, p => Assert.Null(p.When));
        Assert.Equal("training.search.space.lightgbm.leaves.int", space.Parameters[0].Key);
    }

    [Fact]
    public void From_TwoTrainers_TrainerChoiceFirstAndEachParameterConditionalOnItsTrainer()
    {
        var config = Load("    space:\n      lightgbm:\n        leaves: {int: [8, 64]}\n      sdca:\n        l2: {real: [0.0001, 1], log: true}\n");

        var space = SearchSpaces.From(config.Training.Search, TrainerCatalog.Standard);

        Assert.Equal(["trainer", "lightgbm.leaves", "sdca.l2"], space.Parameters.Select(p => p.Name));
        Assert.Equal(["lightgbm", "sdca"], space.Parameters[0].Choices!);
        Assert.Equal(new Condition("trainer", ["lightgbm"]).Values, space.Parameters[1].When!.Values);
        Assert.Equal(["sdca"], space.Parameters[2].When!.Values);
    }

    [Fact]
    public void Split_TwoTrainers_GivesTheTrainerAndItsParametersByTheirOwnNames()
    {
        var config = Load("    space:\n      lightgbm:\n        leaves: {int: [8, 64]}\n      sdca:\n        l2: {real: [0.0001, 1], log: true}\n");

        var (trainer, parameters) = SearchSpaces.Split(config.Training.Search, new Dictionary<string, string> { ["trainer"] = "sdca", ["sdca.l2"] = "0.01" });

        Assert.Equal("sdca", trainer);
        Assert.Equal(new Dictionary<string, string> { ["l2"] = "0.01" }, parameters);
    }

    [Fact]
    public void Choice_LightGbmDeclaredInTraining_KeepsTheDeclaredValuesNotSearched()
    {
        using var dir = new TempDir();
        var config = ProjectConfigLoader.Load(dir.Write("recur.yaml",
            "name: m\ntraining:\n  trainer: lightgbm\n  iterations: 77\n  search:\n    space:\n      lightgbm:\n        leaves: {int: [8, 64]}\n")).Config;

        var choice = TrialObjective.Choice(config, new Dictionary<string, string> { ["leaves"] = "12" });

        Assert.Equal((77, 12), (choice.Settings.Int("iterations"), choice.Settings.Int("leaves")));
    }

    [Theory]
    [InlineData("    space:\n      xgboost:\n        depth: {int: [2, 8]}\n", "training.search.space.xgboost", "unknown trainer 'xgboost'", 6)]
    [InlineData("    space:\n      lightgbm:\n        depth: {int: [2, 8]}\n", "training.search.space.lightgbm.depth", "has no parameter 'depth'", 6)]
    [InlineData("    space:\n      lightgbm:\n        leaves: {log: true}\n", "training.search.space.lightgbm.leaves", "exactly one of int", 6)]
    [InlineData("    space:\n      lightgbm:\n        leaves: {int: [8, 9], choice: ['8']}\n", "training.search.space.lightgbm.leaves", "several are given", 6)]
    [InlineData("    space:\n      lightgbm:\n        leaves: {int: [64, 8]}\n", "training.search.space.lightgbm.leaves.int", "low 64 is above high 8", 6)]
    [InlineData("    space:\n      lightgbm:\n        min_rows_per_leaf: {choice: []}\n", "training.search.space.lightgbm.min_rows_per_leaf.choice", "at least one value", 6)]
    [InlineData("    space:\n      lightgbm:\n        learning_rate:\n          real: [0, 0.3]\n          log: true\n", "training.search.space.lightgbm.learning_rate.real", "log-scale range must be above 0", 7)]
    [InlineData("    space:\n      lightgbm:\n        leaves: {int: [1, 8]}\n", "training.search.space.lightgbm.leaves.int", "outside what 'leaves' allows", 6)]
    [InlineData("    space:\n      lightgbm:\n        feature_fraction: {real: [0.5, 1.5]}\n", "training.search.space.lightgbm.feature_fraction.real", "outside what 'feature_fraction' allows", 6)]
    [InlineData("    space:\n      lightgbm:\n        leaves: {real: [8, 64]}\n", "training.search.space.lightgbm.leaves.real", "use int", 6)]
    [InlineData("    space:\n      lightgbm:\n        leaves: {int: [8]}\n", "training.search.space.lightgbm.leaves.int", "give two bounds", 6)]
    [InlineData("    trials: 0\n    seconds: 0\n", "training.search.trials", "a search needs a budget", 4)]
    [InlineData("    parallel: 0\n", "training.search.parallel", "must be between 1 and", 4)]
    [InlineData("    parallel: 999\n", "training.search.parallel", "must be between 1 and", 4)]
    [InlineData("    folds: 0\n", "training.search.folds", "must be at least 1", 4)]
    [InlineData("    holdout: 1\n", "training.search.holdout", "strictly between 0 and 1", 4)]
    [InlineData("    holdout: 0\n", "training.search.holdout", "strictly between 0 and 1", 4)]
    [InlineData("    sampler: grid\n", "training.search.sampler", "grid", 4)]
    [InlineData("    pruner: hyperband\n", "training.search.pruner", "hyperband", 4)]
    public void Load_BadSearch_FailsNamingTheKeyAndLine(string yaml, string key, string expected, int line)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", Head + yaml);

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal(key, e.Field);
        Assert.StartsWith($"recur.yaml: line {line}, column ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SearchedTrainerCannotLearnTheTask_FailsNamingTheTrainer()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\ntask: regression\n" + Head[8..] + "    space:\n      lbfgs:\n        l2: {real: [0.01, 1]}\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("training.search.space.lbfgs", e.Field);
        Assert.Contains("does not support regression", e.Message, StringComparison.Ordinal);
    }
}
