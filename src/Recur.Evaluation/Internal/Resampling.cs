namespace Recur.Evaluation.Internal;

/// <summary>The row draws and percentile rule shared by every bootstrap interval in Evaluation.</summary>
internal static class Resampling
{
    /// <summary>Fills <paramref name="rows"/> with row indices drawn with replacement from [0, rows.Length).</summary>
    public static void Draw(Random random, int[] rows)
    {
        for (var i = 0; i < rows.Length; i++) rows[i] = random.Next(rows.Length);
    }

    /// <summary>The percentile of sorted values with numpy's default linear interpolation.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double level)
    {
        var position = (sorted.Count - 1) * level;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }

    /// <summary>
    /// The central <paramref name="level"/> interval of the estimates, leaving NaN estimates out
    /// (a resample may lack what a metric needs); (NaN, NaN) when none is left.
    /// </summary>
    public static (double Low, double High) Interval(List<double> estimates, double level)
    {
        estimates.RemoveAll(double.IsNaN);
        if (estimates.Count == 0) return (double.NaN, double.NaN);
        estimates.Sort();
        var tail = (1 - level) / 2;
        return (Percentile(estimates, tail), Percentile(estimates, 1 - tail));
    }

    /// <summary>Rejects a resample count below one, naming the argument.</summary>
    public static void CheckResamples(int resamples)
    {
        if (resamples < 1) throw new ArgumentException($"resamples is {resamples}; at least one resample is required.", nameof(resamples));
    }
}
