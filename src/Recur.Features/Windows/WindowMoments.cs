namespace Recur.Features.Windows;

/// <summary>
/// What a window holds at one moment, read in O(1) from a <see cref="WindowState"/>: the count, the sums (shifted by a
/// constant for accuracy), the extremes and the times of its oldest and newest events.
/// </summary>
/// <param name="Count">Values in the window.</param>
/// <param name="Shift">The constant subtracted from every value before summing.</param>
/// <param name="ShiftedSum">Σ (x − shift).</param>
/// <param name="ShiftedSumSquares">Σ (x − shift)².</param>
/// <param name="Min">The smallest value; NaN when empty.</param>
/// <param name="Max">The largest value; NaN when empty.</param>
/// <param name="Oldest">Ticks of the oldest event; 0 when empty.</param>
/// <param name="Newest">Ticks of the newest event; 0 when empty.</param>
/// <param name="Size">The window's declared length.</param>
public readonly record struct WindowMoments(long Count, double Shift, double ShiftedSum, double ShiftedSumSquares, double Min, double Max, long Oldest, long Newest, WindowSize Size)
{
    /// <summary>The sum of the values (0 when empty).</summary>
    public double Sum => Count == 0 ? 0 : ShiftedSum + Count * Shift;

    /// <summary>The mean; NaN when empty.</summary>
    public double Mean => Count == 0 ? double.NaN : Shift + ShiftedSum / Count;

    /// <summary>The sample standard deviation (n − 1); NaN with fewer than two values.</summary>
    public double StdDev
    {
        get
        {
            if (Count < 2) return double.NaN;
            var variance = (ShiftedSumSquares - ShiftedSum * ShiftedSum / Count) / (Count - 1);
            return Math.Sqrt(Math.Max(0, variance));
        }
    }
}
