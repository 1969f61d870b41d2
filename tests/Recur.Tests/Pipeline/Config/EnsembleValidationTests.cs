using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class EnsembleValidationTests
{
    private const string TwoCandidates = "name: m\nlabel: y\ntraining:\n  candidates:\n    - trainer: lightgbm\n    - trainer: sdca\n";

    private static RecurException Refused(string yaml)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", yaml);
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));
    }

    [Fact]
    public void Load_EnsembleSection_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", TwoCandidates + "framing:\n  ensemble:\n    methods: [bagging, stacking]\n    bags: 3\n    folds: 4\n    meta: sdca\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        var e = config.Framing.Ensemble;
        Assert.Equal(["bagging", "stacking"], e.Methods);
        Assert.Equal((3, 4, "sdca"), (e.Bags, e.Folds, e.Meta));
    }

    [Fact]
    public void Load_StackingWithOneCandidate_FailsNamingMethodsAndLine()
    {
        var e = Refused("name: m\nlabel: y\ntraining:\n  trainer: lightgbm\nframing:\n  ensemble:\n    methods: [stacking]\n");

        Assert.Equal("framing.ensemble.methods", e.Field);
        Assert.Contains("line 7", e.Message);
        Assert.Contains("at least 2 base learners", e.Message);
    }

    [Fact]
    public void Load_OneFold_FailsNamingFolds()
    {
        var e = Refused(TwoCandidates + "framing:\n  ensemble:\n    methods: [stacking]\n    folds: 1\n");

        Assert.Equal("framing.ensemble.folds", e.Field);
        Assert.Contains("line 10", e.Message);
        Assert.Contains("at least 2", e.Message);
    }

    [Fact]
    public void Load_ZeroBags_FailsNamingBags()
    {
        var e = Refused(TwoCandidates + "framing:\n  ensemble:\n    methods: [bagging]\n    bags: 0\n");

        Assert.Equal("framing.ensemble.bags", e.Field);
        Assert.Contains("line 10", e.Message);
    }

    [Fact]
    public void Load_UnknownMeta_FailsNamingMetaAndValue()
    {
        var e = Refused(TwoCandidates + "framing:\n  ensemble:\n    methods: [stacking]\n    meta: xgboost\n");

        Assert.Equal("framing.ensemble.meta", e.Field);
        Assert.Contains("'xgboost' is not a meta-learner", e.Message);
        Assert.Contains("line 10", e.Message);
    }

    [Fact]
    public void Load_UnknownMethod_FailsNamingTheItem()
    {
        var e = Refused(TwoCandidates + "framing:\n  ensemble:\n    methods: [stacking, voting]\n");

        Assert.Equal("framing.ensemble.methods[1]", e.Field);
        Assert.Contains("'voting' is not an ensemble method", e.Message);
    }

    [Fact]
    public void Load_LbfgsMetaForRegression_Refused()
    {
        var e = Refused(TwoCandidates + "task: regression\nframing:\n  ensemble:\n    methods: [stacking]\n    meta: lbfgs\n");

        Assert.Equal("framing.ensemble.meta", e.Field);
        Assert.Contains("use sdca", e.Message);
    }
}
