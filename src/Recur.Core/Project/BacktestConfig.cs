namespace Recur.Core.Project;

/// <summary>
/// Rolling-origin backtesting (<c>recur backtest</c>): the training rows ordered by time, cut into folds that
/// each train on the rows before an origin and test on the window after it. Checked when recur.yaml loads.
/// </summary>
public sealed class BacktestConfig
{
    /// <summary>The date or number column that orders the rows; empty for <see cref="SplitConfig.Time"/>.</summary>
    public string? Time { get; set; }

    /// <summary>
    /// <c>expanding</c> (every fold trains on all rows before its origin) or <c>sliding</c> (on the
    /// <see cref="TrainSize"/> rows just before it).
    /// </summary>
    public string Window { get; set; } = "expanding";

    /// <summary>How many folds (origins), at least 1.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Rows in each fold's test window: a whole number of rows (1 or more), or a share of all rows in (0, 1).</summary>
    public double TestSize { get; set; } = 0.1;

    /// <summary>
    /// Rows each sliding window trains on (rows or a share, as <see cref="TestSize"/>); unset for the rows
    /// before the first fold's test window. Only for <c>window: sliding</c>.
    /// </summary>
    public double? TrainSize { get; set; }

    /// <summary>Rows left out between each fold's training rows and its test window (0 or more), against leakage from near neighbours in time.</summary>
    public int Gap { get; set; }
}
