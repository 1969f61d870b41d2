using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class PipelineValidationTests
{
    [Fact]
    public void Load_WarmStartWithAnLbfgsCandidate_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\ntraining:\n  candidates:\n    - trainer: lightgbm\n    - trainer: lbfgs\npipeline:\n  warm_start: true\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        Assert.True(config.Pipeline.WarmStart);
    }

    [Fact]
    public void Load_NoWarmStart_OffByDefault()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        Assert.False(config.Pipeline.WarmStart);
    }

    [Fact]
    public void Load_WarmStartWithNoTrainerThatCanWarmStart_FailsNamingTheKeyAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\ntraining:\n  trainer: lightgbm\npipeline:\n  cache: true\n  warm_start: true\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("pipeline.warm_start", e.Field);
        Assert.Contains("line 7", e.Message, StringComparison.Ordinal);
        Assert.Contains("no declared trainer can warm start (declared: lightgbm; lbfgs can)", e.Message, StringComparison.Ordinal);
    }
}
