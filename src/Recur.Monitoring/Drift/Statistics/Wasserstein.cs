namespace Recur.Monitoring.Drift;

/// <summary>
/// First Wasserstein (earth mover's) distance between two numeric samples.
/// </summary>
public static class Wasserstein
{
    /// <summary>
    /// Floor on the reference standard deviation used by <see cref="NormedDistance"/>; it is
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
        Distance(
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
        double[] sortedReference = NumericSample.SortedWithoutNaN(reference, nameof(reference));
        double[] sortedCurrent = NumericSample.SortedWithoutNaN(current, nameof(current));
        double scale = Math.Max(PopulationStandardDeviation(sortedReference), MinimumReferenceStandardDeviation);
        return Distance(sortedReference, sortedCurrent) / scale;
    }

    /// <summary>
    /// Integrates |F_u − F_v| over the merged support: between consecutive distinct values
    /// both CDFs are constant, so each gap contributes |F_u − F_v| · width.
    /// </summary>
    private static double Distance(double[] first, double[] second)
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
