using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class BacktestValidationTests
{
    [Fact]
    public void Load_BacktestSection_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nevaluation:\n  backtest:\n    time: day\n    window: sliding\n    folds: 3\n    test_size: 100\n    train_size: 0.5\n    gap: 2\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        var b = config.Evaluation.Backtest;
        Assert.Equal(("day", "sliding", 3, 100.0, 0.5, 2), (b.Time, b.Window, b.Folds, b.TestSize, b.TrainSize, b.Gap));
    }

    [Fact]
    public void Load_UnknownWindow_FailsNamingTheKeyAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nevaluation:\n  backtest:\n    window: weekly\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("evaluation.backtest.window", e.Field);
        Assert.Contains("line 5", e.Message);
        Assert.Contains("'weekly' is not a window kind", e.Message);
    }

    [Fact]
    public void Load_ZeroFolds_FailsNamingFolds()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nevaluation:\n  backtest:\n    folds: 0\n");

        Assert.Equal("evaluation.backtest.folds", Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path)).Field);
    }
}
