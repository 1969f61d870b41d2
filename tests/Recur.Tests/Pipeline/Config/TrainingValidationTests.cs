using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

/// <summary>recur.yaml's training section, checked when the file loads (through <see cref="ProjectConfigLoader"/>).</summary>
public sealed class TrainingValidationTests
{
    private const string Candidates = """
        name: m
        label: y
        training:
          threads: 1
          candidates:
            - trainer: lightgbm
              params: {iterations: 50, leaves: 15}
            - trainer: fastforest
              params:
                trees: 40
            - trainer: sdca

        """;

    private static RecurException Fails(string yaml)
    {
        using var dir = new TempDir();
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", yaml)));
    }

    [Fact]
    public void Load_Candidates_ReadsEachTrainerAndItsParams()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", Candidates));

        Assert.Equal(["lightgbm", "fastforest", "sdca"], config.Training.Candidates.Select(c => c.Trainer));
        Assert.Equal("15", config.Training.Candidates[0].Params["leaves"]);
        Assert.Equal("40", config.Training.Candidates[1].Params["trees"]);
        Assert.Empty(config.Training.Candidates[2].Params);
    }

    [Fact]
    public void Load_UnknownTrainer_FailsNamingTheKeyLineAndAvailableTrainers()
    {
        var e = Fails(Candidates.Replace("trainer: fastforest", "trainer: xgboost"));

        Assert.Equal("training.candidates[1].trainer", e.Field);
        Assert.Contains("line 8", e.Message);
        Assert.Contains("available: lightgbm, fasttree, fastforest, sdca, lbfgs", e.Message);
    }

    [Fact]
    public void Load_UnknownParameter_FailsNamingTheKeyLineAndKnownParameters()
    {
        var e = Fails(Candidates.Replace("trees: 40", "depth: 40"));

        Assert.Equal("training.candidates[1].params.depth", e.Field);
        Assert.Contains("line 10", e.Message);
        Assert.Contains("known: trees, leaves, min_rows_per_leaf, feature_fraction", e.Message);
    }

    [Fact]
    public void Load_ParameterOutOfRange_FailsNamingTheKeyAndLine()
    {
        var e = Fails(Candidates.Replace("leaves: 15", "leaves: 1"));

        Assert.Equal("training.candidates[0].params.leaves", e.Field);
        Assert.Contains("line 7", e.Message);
        Assert.Contains("an integer in [2,", e.Message);
    }

    [Fact]
    public void Load_DeclaredTaskATrainerCannotLearn_FailsBeforeTraining()
    {
        var e = Fails("name: m\nlabel: y\ntask: regression\ntraining:\n  candidates:\n    - trainer: sdca\n    - trainer: lbfgs\n");

        Assert.Equal("training.candidates[1].trainer", e.Field);
        Assert.Contains("line 7", e.Message);
        Assert.Contains("does not support regression", e.Message);
    }

    [Fact]
    public void Load_FlatKeyBesideCandidates_FailsNamingIt()
    {
        var e = Fails(Candidates.Replace("  threads: 1\n", "  threads: 1\n  leaves: 12\n"));

        Assert.Equal("training.leaves", e.Field);
        Assert.Contains("line 5", e.Message);
    }

    [Fact]
    public void Load_SingleTrainerWithAParameterItLacks_FailsNamingIt()
    {
        var e = Fails("name: m\nlabel: y\ntraining:\n  trainer: sdca\n  leaves: 12\n");

        Assert.Equal("training.leaves", e.Field);
        Assert.Contains("known: l2, l1, iterations", e.Message);
    }

    [Fact]
    public void Load_SingleTrainerOutOfRange_FailsNamingTheFlatKey()
    {
        var e = Fails("name: m\nlabel: y\ntraining:\n  learning_rate: 2\n");

        Assert.Equal("training.learning_rate", e.Field);
        Assert.Contains("line 4", e.Message);
    }

    [Fact]
    public void Load_SingleFastTree_ReadsTheFlatKeys()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\nlabel: y\ntraining:\n  trainer: fasttree\n  iterations: 20\n"));

        Assert.Equal("fasttree", config.Training.Trainer);
    }
}
