using Recur.Core;
using Recur.Evaluation.Backtesting;

namespace Recur.Tests.Evaluation.Backtesting;

public sealed class RollingOriginTests
{
    [Fact]
    public void Folds_Expanding_TrainFromTheStartAndTestOnConsecutiveWindowsEndingAtTheLastRow()
    {
        var folds = RollingOrigin.Folds(100, new RollingOriginOptions(BacktestWindow.Expanding, 4, 10));

        Assert.Equal(
            [new BacktestFold(0, 0, 60, 60, 70), new BacktestFold(1, 0, 70, 70, 80), new BacktestFold(2, 0, 80, 80, 90), new BacktestFold(3, 0, 90, 90, 100)],
            folds);
    }

    [Fact]
    public void Folds_Sliding_KeepTheFirstFoldsTrainingSizeByDefault()
    {
        var folds = RollingOrigin.Folds(100, new RollingOriginOptions(BacktestWindow.Sliding, 3, 10));

        Assert.All(folds, f => Assert.Equal(70, f.TrainRows));
        Assert.Equal([0, 10, 20], folds.Select(f => f.TrainStart));
        Assert.Equal([70, 80, 90], folds.Select(f => f.TestStart));
    }

    [Fact]
    public void Folds_SlidingWithTrainSize_TrainOnThatManyRowsJustBeforeTheGap()
    {
        var folds = RollingOrigin.Folds(100, new RollingOriginOptions(BacktestWindow.Sliding, 2, 10, TrainSize: 30, Gap: 5));

        Assert.Equal([new BacktestFold(0, 45, 75, 80, 90), new BacktestFold(1, 55, 85, 90, 100)], folds);
    }

    [Fact]
    public void Folds_Gap_LeavesThatManyRowsBetweenTrainAndTest()
    {
        var folds = RollingOrigin.Folds(50, new RollingOriginOptions(BacktestWindow.Expanding, 2, 5, Gap: 3));

        Assert.All(folds, f => Assert.Equal(3, f.TestStart - f.TrainEnd));
        Assert.Equal(37, folds[0].TrainEnd);
    }

    [Fact]
    public void Folds_FractionalTestSize_IsAShareOfAllRows()
    {
        var folds = RollingOrigin.Folds(1000, new RollingOriginOptions(BacktestWindow.Expanding, 3, 0.05));

        Assert.All(folds, f => Assert.Equal(50, f.TestRows));
        Assert.Equal(1000, folds[^1].TestEnd);
    }

    [Fact]
    public void Folds_TestWindows_NeverOverlapAndNeverPrecedeTheirTraining()
    {
        var folds = RollingOrigin.Folds(997, new RollingOriginOptions(BacktestWindow.Sliding, 7, 0.07, Gap: 2));

        for (var i = 1; i < folds.Count; i++) Assert.Equal(folds[i - 1].TestEnd, folds[i].TestStart);
        Assert.All(folds, f => Assert.True(f.TrainEnd <= f.TestStart && f.TrainStart >= 0));
    }

    [Fact]
    public void Folds_TooFewRows_FailsNamingTheFoldsAndTheCounts()
    {
        var e = Assert.Throws<RecurException>(() => RollingOrigin.Folds(50, new RollingOriginOptions(BacktestWindow.Expanding, 5, 9)));

        Assert.Equal("evaluation.backtest.folds", e.Field);
        Assert.Contains("too few rows", e.Message);
        Assert.Contains("leave 5 training rows", e.Message);
    }

    [Theory]
    [InlineData(0, 10, 0, "evaluation.backtest.folds")]
    [InlineData(3, 0, 0, "evaluation.backtest.test_size")]
    [InlineData(3, 2.5, 0, "evaluation.backtest.test_size")]
    [InlineData(3, 10, -1, "evaluation.backtest.gap")]
    public void Folds_BadSetting_FailsNamingIt(int folds, double testSize, int gap, string field)
    {
        var e = Assert.Throws<RecurException>(() => RollingOrigin.Folds(100, new RollingOriginOptions(BacktestWindow.Expanding, folds, testSize, Gap: gap)));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Folds_TrainSizeWithExpandingWindow_FailsNamingTrainSize()
    {
        var e = Assert.Throws<RecurException>(() => RollingOrigin.Folds(100, new RollingOriginOptions(BacktestWindow.Expanding, 2, 10, TrainSize: 20)));

        Assert.Equal("evaluation.backtest.train_size", e.Field);
    }

    [Fact]
    public void Folds_TrainSizeLargerThanThePast_FailsNamingTrainSize()
    {
        var e = Assert.Throws<RecurException>(() => RollingOrigin.Folds(100, new RollingOriginOptions(BacktestWindow.Sliding, 2, 10, TrainSize: 90)));

        Assert.Equal("evaluation.backtest.train_size", e.Field);
        Assert.Contains("80 rows before", e.Message);
    }

    [Fact]
    public void Order_TiedTimes_KeepTheirOriginalOrder()
    {
        Assert.Equal([3, 1, 2, 0], RollingOrigin.Order([5.0, 2.0, 2.0, 1.0]));
    }

    [Fact]
    public void Parse_UnknownWindow_FailsNamingTheOptionAndTheKinds()
    {
        var e = Assert.Throws<RecurException>(() => BacktestWindows.Parse("weekly", "--window"));

        Assert.Equal("--window", e.Field);
        Assert.Contains("expanding, sliding", e.Message);
    }
}
