namespace Recur.Evaluation.Backtesting;

/// <summary>
/// One rolling-origin fold, as positions in the time-ordered rows (starts inclusive, ends exclusive): it trains
/// on [<see cref="TrainStart"/>, <see cref="TrainEnd"/>) and tests on [<see cref="TestStart"/>, <see cref="TestEnd"/>).
/// </summary>
/// <param name="Index">The fold's number, from 0 (the earliest origin).</param>
/// <param name="TrainStart">First training position.</param>
/// <param name="TrainEnd">One past the last training position.</param>
/// <param name="TestStart">First test position (the origin); <c>TestStart − TrainEnd</c> is the gap.</param>
/// <param name="TestEnd">One past the last test position.</param>
public sealed record BacktestFold(int Index, int TrainStart, int TrainEnd, int TestStart, int TestEnd)
{
    /// <summary>Rows the fold trains on.</summary>
    public int TrainRows => TrainEnd - TrainStart;

    /// <summary>Rows the fold tests on.</summary>
    public int TestRows => TestEnd - TestStart;

    /// <summary>The training positions, in time order.</summary>
    public int[] TrainPositions() => Enumerable.Range(TrainStart, TrainRows).ToArray();

    /// <summary>The test positions, in time order.</summary>
    public int[] TestPositions() => Enumerable.Range(TestStart, TestRows).ToArray();
}
