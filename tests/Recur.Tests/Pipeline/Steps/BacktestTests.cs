using Recur.Evaluation.Backtesting;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

public sealed class BacktestTests
{
    private static BacktestFoldResult Fold(int index, double rmse, double baseline) => new(
        new BacktestFold(index, 0, 10 + index, 10 + index, 11 + index), "a", "b", "c", "d",
        new Dictionary<string, double> { ["rmse"] = rmse }, new Dictionary<string, double> { ["mean"] = baseline + 1, ["median"] = baseline }, "median");

    [Fact]
    public void Summarize_Folds_GivesMeanSampleStdDevRangeAndBaselineMean()
    {
        var s = Backtest.Summarize("rmse", [Fold(0, 2, 10), Fold(1, 4, 20), Fold(2, 6, 30)]);

        Assert.Equal(("rmse", 4.0, 2.0, 2.0, 6.0, 20.0), (s.Metric, s.Mean, s.StdDev, s.Min, s.Max, s.BaselineMean));
    }

    [Fact]
    public void Summarize_OneFoldAndAnUndefinedOne_SkipsTheUndefinedAndHasNoSpread()
    {
        var s = Backtest.Summarize("rmse", [Fold(0, 3, 10), Fold(1, double.NaN, 20)]);

        Assert.Equal((3.0, 0.0), (s.Mean, s.StdDev));
        Assert.Equal(15.0, s.BaselineMean);
    }
}
