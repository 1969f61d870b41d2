using Recur.Core.Project;
using Recur.Evaluation.Backtesting;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of recur.yaml's evaluation.backtest section: a known window kind and sizes in range. The time
/// column and the number of rows are checked when <c>recur backtest</c> reads the data.
/// </summary>
internal static class BacktestValidation
{
    public static void Validate(BacktestConfig backtest)
    {
        var window = BacktestWindows.Parse(backtest.Window, "evaluation.backtest.window");
        RollingOrigin.Check(new RollingOriginOptions(window, backtest.Folds, backtest.TestSize, backtest.TrainSize, backtest.Gap));
        if (backtest.Time is { Length: 0 }) throw Core.RecurException.Invalid("recur.yaml: evaluation.backtest.time must name a column (or be left out for split.time)", "evaluation.backtest.time");
    }
}
