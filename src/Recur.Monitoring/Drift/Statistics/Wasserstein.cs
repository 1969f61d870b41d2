using Recur.Core.Profiles;

namespace Recur.Monitoring.Drift;

/// <summary>
/// First Wasserstein (earth mover's) distance between two numeric samples.
/// </summary>
public static class Wasserstein
{
    /// <summary>
    /// Floor on the reference standard deviation used by <see cref="NormedDistance(ReadOnlySpan{double}, ReadOnlySpan{double})"/>; it is
    /// Evidently's choice, so a constant reference yields a large finite score instead of ∞.
    /// </summary>
    public const double MinimumReferenceStandardDeviation = 1e-3;

    /// <summary>
    /// W1 distance, equal to <c>scipy.stats.wasserstein_distance(reference, current)</c>:
    /// the area between the two empirical CDFs. NaN values are ignored.
    /// </summary>
    /// <param name="reference">Reference sample; NaN entries are skipped.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The distance, in the units of the data.</returns>
    /// <exception cref="ArgumentException">A sample has no non-NaN value.</exception>
    public static double Distance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        DistanceSorted(
            NumericSample.SortedWithoutNaN(reference, nameof(reference)),
            NumericSample.SortedWithoutNaN(current, nameof(current)));

    /// <summary>
    /// Evidently's normed Wasserstein distance:
    /// <c>wasserstein_distance(reference, current) / max(std(reference), 0.001)</c>, with the
    /// population (ddof = 0) standard deviation, so the score is in units of reference spread.
    /// NaN values are ignored. The value is not symmetric in its arguments.
    /// </summary>
    /// <param name="reference">Reference sample; NaN entries are skipped.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The normed distance.</returns>
    /// <exception cref="ArgumentException">A sample has no non-NaN value.</exception>
    public static double NormedDistance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        return NormedDistanceSorted(
            NumericSample.SortedWithoutNaN(reference, nameof(reference)),
            NumericSample.SortedWithoutNaN(current, nameof(current)));
    }

    /// <summary><see cref="NormedDistance(ReadOnlySpan{double}, ReadOnlySpan{double})"/> on sorted, NaN-free samples.</summary>
    internal static double NormedDistanceSorted(double[] sortedReference, double[] sortedCurrent)
    {
        double scale = Math.Max(PopulationStandardDeviation(sortedReference), MinimumReferenceStandardDeviation);
        return DistanceSorted(sortedReference, sortedCurrent) / scale;
    }

    /// <summary>
    /// Normed distance of a current sample from a reference known only by its quantile grid (a stored
    /// profile): ∫₀¹ |Q_reference(p) − Q_current(p)| dp divided by max(reference population std, 0.001),
    /// with Q_reference linear between grid points and Q_current the current sample's step quantile
    /// function. NaN values in <paramref name="current"/> are ignored.
    /// </summary>
    /// <remarks>
    /// On the raw reference rows the same integral, with both quantile functions steps, is what
    /// <see cref="NormedDistance(ReadOnlySpan{double}, ReadOnlySpan{double})"/> computes. Interpolating
    /// between grid points moves the reference quantile function by less than one grid cell, so the
    /// result differs by at most about (max − min) / std · (1/G + 1/n) and usually far less.
    /// </remarks>
    /// <param name="reference">The reference's standard deviation and quantile grid.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The normed distance.</returns>
    /// <exception cref="ArgumentException">The grid is not ascending, or the current sample has no non-NaN value.</exception>
    public static double NormedDistance(NumericReference reference, ReadOnlySpan<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return NormedDistanceSorted(reference, NumericSample.SortedWithoutNaN(current, nameof(current)));
    }

    /// <summary>The grid form of the normed distance on a current sample already sorted and free of NaN.</summary>
    internal static double NormedDistanceSorted(NumericReference reference, double[] sorted)
    {
        var grid = new QuantileGrid(reference.Quantiles, nameof(reference));
        double scale = Math.Max(reference.PopulationStdDev, MinimumReferenceStandardDeviation);
        return QuantileArea(grid, sorted) / scale;
    }

    /// <summary>
    /// ∫₀¹ |Q_grid(p) − Q_sample(p)| dp over the merged breakpoints i/G and k/m: on each piece the
    /// sample's quantile is one value and the grid's is linear, so each piece is integrated exactly.
    /// </summary>
    private static double QuantileArea(QuantileGrid grid, double[] sorted)
    {
        long intervals = grid.Intervals;
        long m = sorted.Length;
        double area = 0.0;
        long i = 0;
        long k = 0;
        double start = 0.0;
        while (i < intervals && k < m)
        {
            // The piece ends at the nearer of (i + 1)/G and (k + 1)/m, compared exactly in integers.
            long gridEnd = (i + 1) * m;
            long sampleEnd = (k + 1) * intervals;
            double end = Math.Min(gridEnd, sampleEnd) / (double)(intervals * m);
            area += LinearGap(GridQuantile(grid, i, start), GridQuantile(grid, i, end), sorted[k], end - start);
            if (gridEnd <= sampleEnd)
            {
                i++;
            }

            if (sampleEnd <= gridEnd)
            {
                k++;
            }

            start = end;
        }

        return area;
    }

    // The grid's quantile at level p inside cell i, linear between its ends.
    private static double GridQuantile(QuantileGrid grid, long cell, double level)
    {
        double left = grid[(int)cell];
        double right = grid[(int)cell + 1];
        double fraction = Math.Clamp((level * grid.Intervals) - cell, 0.0, 1.0);
        return left == right ? left : left + ((right - left) * fraction);
    }

    // ∫ |r(p) − c| over a piece of the given width where r runs linearly from start to end.
    private static double LinearGap(double start, double end, double constant, double width)
    {
        double u = start - constant;
        double v = end - constant;
        if ((u >= 0 && v >= 0) || (u <= 0 && v <= 0))
        {
            return width * Math.Abs(u + v) / 2.0;
        }

        // r crosses c: two triangles on either side of the crossing.
        return width * ((u * u) + (v * v)) / (2.0 * (Math.Abs(u) + Math.Abs(v)));
    }

    /// <summary>
    /// Integrates |F_u − F_v| over the merged support: between consecutive distinct values
    /// both CDFs are constant, so each gap contributes |F_u − F_v| · width.
    /// </summary>
    internal static double DistanceSorted(double[] first, double[] second)
    {
        int i = 0;
        int j = 0;
        double area = 0.0;
        while (i < first.Length || j < second.Length)
        {
            double value = NextValue(first, i, second, j);
            while (i < first.Length && first[i] == value)
            {
                i++;
            }

            while (j < second.Length && second[j] == value)
            {
                j++;
            }

            if (i == first.Length && j == second.Length)
            {
                break;
            }

            double width = NextValue(first, i, second, j) - value;
            area += Math.Abs(((double)i / first.Length) - ((double)j / second.Length)) * width;
        }

        return area;
    }

    private static double NextValue(double[] first, int i, double[] second, int j)
    {
        if (i == first.Length)
        {
            return second[j];
        }

        return j == second.Length ? first[i] : Math.Min(first[i], second[j]);
    }

    private static double PopulationStandardDeviation(double[] values)
    {
        double mean = values.Sum() / values.Length;
        double squares = 0.0;
        foreach (double value in values)
        {
            double deviation = value - mean;
            squares += deviation * deviation;
        }

        return Math.Sqrt(squares / values.Length);
    }
}
