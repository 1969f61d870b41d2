using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline;

public sealed class ProjectConfigLoaderTests
{
    [Fact]
    public void Load_AdultExample_ReadsDatasetsAndRecodes()
    {
        var (config, hash) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-adult", "recur.yaml"));

        Assert.Equal("adult-income", config.Name);
        Assert.Equal(1, config.Datasets["test"].SkipLines);
        Assert.Equal(">50K", config.Datasets["test"].Recode["income"][">50K."]);
        Assert.Equal(64, hash.Length);
    }

    [Fact]
    public void Load_UnknownKey_FailsNamingLineAndColumn()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\ntraning:\n  iterations: 3\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Load_WrongType_FailsNamingTheLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nseed: many\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Load_BadThreshold_FailsNamingTheOption()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nevaluation:\n  threshold: 2\n");

        Assert.Equal("evaluation.threshold", Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path)).Field);
    }
}
