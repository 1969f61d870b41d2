namespace Recur.Evaluation.Slices.Internal;

/// <summary>Count, sum and sum of squares of some rows' errors: enough for a mean, a variance and their difference.</summary>
internal readonly record struct Moments(int Count, double Sum, double SumOfSquares)
{
    public Moments(double[] values, IEnumerable<int> rows) : this(0, 0, 0)
    {
        foreach (var r in rows)
        {
            Count++;
            Sum += values[r];
            SumOfSquares += values[r] * values[r];
        }
    }

    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>The sample variance (n − 1).</summary>
    public double Variance => Count < 2 ? 0 : Math.Max(0, (SumOfSquares - Sum * Sum / Count) / (Count - 1));

    public Moments Without(Moments part) => new(Count - part.Count, Sum - part.Sum, SumOfSquares - part.SumOfSquares);

    /// <summary>The normal-approximation 95 % interval of the mean (slices hold at least 30 rows).</summary>
    public (double Low, double High) MeanInterval()
    {
        var half = 1.959963984540054 * Math.Sqrt(Variance / Count);
        return (Mean - half, Mean + half);
    }
}
