using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class LoopRetrainValidationTests
{
    [Fact]
    public void Load_ImportanceWeights_ReadsThemWithDefaults()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nloop:\n  retrain: {importance_weights: true, max_weight: 5}\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        var retrain = config.Loop.Retrain;
        Assert.True(retrain.ImportanceWeights);
        Assert.Equal((0.1, 5.0, 0.3), (retrain.MinWeight, retrain.MaxWeight, retrain.Holdout));
    }

    [Theory]
    [InlineData("  retrain:\n    min_weight: 0\n", "loop.retrain.min_weight must be above 0", 4)]
    [InlineData("  retrain:\n    importance_weights: true\n    max_weight: 0.05\n", "loop.retrain.max_weight (0.05) must be at least loop.retrain.min_weight (0.1)", 5)]
    [InlineData("  retrain:\n    holdout: 1\n", "loop.retrain.holdout must be a share between 0 and 1", 4)]
    public void Load_BadRetrainSetting_FailsNamingTheKeyAndLine(string yaml, string message, int line)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nloop:\n" + yaml);

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains(message, e.Message);
        Assert.Contains($"line {line}", e.Message);
    }
}
