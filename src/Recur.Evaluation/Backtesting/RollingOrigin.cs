using System.Globalization;
using Recur.Core;

namespace Recur.Evaluation.Backtesting;

/// <summary>The shape of a backtest: window kind, number of folds, test and training sizes and the gap.</summary>
/// <param name="Window">Expanding or sliding training windows.</param>
/// <param name="Folds">Number of folds, at least 1.</param>
/// <param name="TestSize">Rows per test window: a whole number ≥ 1, or a share of all rows in (0, 1).</param>
/// <param name="TrainSize">Rows per sliding training window (rows or a share); null for the rows before the first test window.</param>
/// <param name="Gap">Rows left out between training and test, 0 or more.</param>
public sealed record RollingOriginOptions(BacktestWindow Window, int Folds, double TestSize, double? TrainSize = null, int Gap = 0);

/// <summary>
/// Rolling-origin evaluation (Tashman 2000): the time-ordered rows are cut so that the last fold's test window
/// ends at the last row and each earlier fold's window sits just before the next one's. Fold k trains on rows
/// before its origin (minus the gap) and tests on the window after it, so no fold ever trains on its future and
/// the test windows do not overlap. Pure arithmetic on positions: which rows those are is the caller's order.
/// </summary>
public static class RollingOrigin
{
    /// <summary>Fewest rows a fold may train on.</summary>
    public const int MinTrainRows = 10;

    private const string Key = "evaluation.backtest";

    /// <summary>The folds over <paramref name="rows"/> time-ordered rows, earliest first.</summary>
    /// <exception cref="RecurException">A setting is out of range, or there are too few rows for the folds; the message names the setting.</exception>
    public static IReadOnlyList<BacktestFold> Folds(int rows, RollingOriginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        var test = Rows(options.TestSize, rows, "test_size");
        var before = rows - options.Folds * test - options.Gap;
        if (before < MinTrainRows)
        {
            throw RecurException.Invalid(
                $"{Key}: too few rows for the folds: {rows} rows, {options.Folds} folds of {test} test rows and a gap of {options.Gap} leave {Math.Max(0, before)} " +
                $"training rows for the first fold (at least {MinTrainRows} needed); lower folds or test_size", $"{Key}.folds");
        }
        var width = before;
        if (options.Window == BacktestWindow.Sliding && options.TrainSize is { } size)
        {
            width = Rows(size, rows, "train_size");
            if (width < MinTrainRows) throw RecurException.Invalid($"{Key}.train_size: {width} rows is fewer than the {MinTrainRows} a fold needs", $"{Key}.train_size");
            if (width > before)
            {
                throw RecurException.Invalid($"{Key}.train_size: {width} rows is more than the {before} rows before the first fold's test window; lower it, or folds or test_size", $"{Key}.train_size");
            }
        }
        var folds = new List<BacktestFold>(options.Folds);
        for (var k = 0; k < options.Folds; k++)
        {
            var testStart = rows - (options.Folds - k) * test;
            var trainEnd = testStart - options.Gap;
            var trainStart = options.Window == BacktestWindow.Sliding ? trainEnd - width : 0;
            folds.Add(new BacktestFold(k, trainStart, trainEnd, testStart, testStart + test));
        }
        return folds;
    }

    /// <summary>
    /// The positions of the rows in time order: ascending by time, ties kept in their original order (a stable sort),
    /// so the same table always gives the same folds.
    /// </summary>
    public static int[] Order(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        return Enumerable.Range(0, times.Count).OrderBy(r => times[r]).ThenBy(r => r).ToArray();
    }

    /// <summary>A size setting as a number of rows: a whole number is rows, a value in (0, 1) a share of <paramref name="total"/> (at least one row).</summary>
    public static int Rows(double size, int total, string name)
    {
        if (size > 0 && size < 1) return Math.Max(1, (int)Math.Floor(size * total));
        if (size >= 1 && size <= int.MaxValue && size == Math.Floor(size)) return (int)size;
        throw RecurException.Invalid($"{Key}.{name}: {size.ToString("R", CultureInfo.InvariantCulture)} is neither a whole number of rows (1 or more) nor a share of the rows in (0, 1)", $"{Key}.{name}");
    }

    /// <summary>Checks the settings that do not depend on the data; the error names the setting.</summary>
    public static void Check(RollingOriginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Folds < 1) throw RecurException.Invalid($"{Key}.folds: must be at least 1, not {options.Folds}", $"{Key}.folds");
        if (options.Gap < 0) throw RecurException.Invalid($"{Key}.gap: must be 0 or more rows, not {options.Gap}", $"{Key}.gap");
        Rows(options.TestSize, int.MaxValue, "test_size");
        if (options.TrainSize is { } size)
        {
            if (options.Window != BacktestWindow.Sliding) throw RecurException.Invalid($"{Key}.train_size: only a sliding window has a fixed training size (set window: sliding, or remove train_size)", $"{Key}.train_size");
            Rows(size, int.MaxValue, "train_size");
        }
    }
}
