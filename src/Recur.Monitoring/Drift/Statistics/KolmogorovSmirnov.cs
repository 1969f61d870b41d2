using Recur.Core.Profiles;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Two-sample Kolmogorov–Smirnov test for numeric drift.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>
    /// Two-sided two-sample KS test, matching <c>scipy.stats.ks_2samp(reference, current, method='asymp')</c>
    /// (scipy 1.10): D = sup |F_reference − F_current| and p = <c>kstwo.sf(D, round(n·m/(n+m)))</c>.
    /// NaN values are ignored. Runs in O(n log n) on sorted copies of the inputs.
    /// </summary>
    /// <param name="reference">Reference sample; NaN entries are skipped.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>
    /// The D statistic and its p-value. Like scipy, the p-value is NaN when the effective size rounds
    /// to zero (one value in each sample).
    /// </returns>
    /// <exception cref="ArgumentException">A sample has no non-NaN value.</exception>
    public static StatisticResult TwoSample(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        return TwoSampleSorted(
            NumericSample.SortedWithoutNaN(reference, nameof(reference)),
            NumericSample.SortedWithoutNaN(current, nameof(current)));
    }

    /// <summary>
    /// Two-sided two-sample KS test with scipy's default method choice, matching
    /// <c>scipy.stats.ks_2samp(reference, current)</c> (scipy 1.10, <c>method='auto'</c>): the exact p-value of the
    /// two-sample distribution when neither sample has more than 10,000 values (D then rounded to the grid h/lcm(n, m)
    /// it lives on), else the asymptotic one of <see cref="TwoSample"/>. NaN values are ignored.
    /// </summary>
    /// <param name="reference">Reference sample; NaN entries are skipped.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The D statistic and its p-value.</returns>
    /// <exception cref="ArgumentException">A sample has no non-NaN value.</exception>
    public static StatisticResult TwoSampleAuto(ReadOnlySpan<double> reference, ReadOnlySpan<double> current) =>
        TwoSampleSortedAuto(
            NumericSample.SortedWithoutNaN(reference, nameof(reference)),
            NumericSample.SortedWithoutNaN(current, nameof(current)));

    /// <summary><see cref="TwoSampleAuto"/> on samples already sorted and free of NaN (each non-empty).</summary>
    internal static StatisticResult TwoSampleSortedAuto(double[] sortedReference, double[] sortedCurrent)
    {
        if (Math.Max(sortedReference.Length, sortedCurrent.Length) > SmirnovExact.MaxSize)
        {
            return TwoSampleSorted(sortedReference, sortedCurrent);
        }

        var (statistic, pValue) = SmirnovExact.Survival(sortedReference.Length, sortedCurrent.Length, Statistic(sortedReference, sortedCurrent));
        return new StatisticResult(statistic, pValue);
    }

    /// <summary><see cref="TwoSample"/> on samples already sorted and free of NaN (each non-empty).</summary>
    internal static StatisticResult TwoSampleSorted(double[] sortedReference, double[] sortedCurrent)
    {
        double statistic = Statistic(sortedReference, sortedCurrent);
        return new StatisticResult(statistic, PValue(sortedReference.Length, sortedCurrent.Length, statistic));
    }

    /// <summary>
    /// KS test of a current sample against a reference known only by its quantile grid (a stored
    /// profile): D = sup |F_reference − F_current|, with F_reference interpolated linearly between grid
    /// points (see <see cref="QuantileGrid"/>). NaN values in <paramref name="current"/> are ignored.
    /// </summary>
    /// <remarks>
    /// D differs from <see cref="TwoSample"/> on the raw reference rows by at most 1/G + 1/n (G grid
    /// intervals, n reference values). The p-value is an approximation: the two-sample formula of
    /// <see cref="TwoSample"/> with the reference count as n, as if the raw rows were there. Treating the
    /// interpolated CDF as exact would give the one-sample test, whose p-values are too small when the
    /// reference is itself a sample.
    /// </remarks>
    /// <param name="reference">The reference's count and quantile grid.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The D statistic and its approximate p-value.</returns>
    /// <exception cref="ArgumentException">The grid is not ascending, or the current sample has no non-NaN value.</exception>
    public static StatisticResult AgainstReference(NumericReference reference, ReadOnlySpan<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return AgainstReferenceSorted(reference, NumericSample.SortedWithoutNaN(current, nameof(current)));
    }

    /// <summary><see cref="AgainstReference"/> on a current sample already sorted and free of NaN.</summary>
    internal static StatisticResult AgainstReferenceSorted(NumericReference reference, double[] sorted)
    {
        var grid = new QuantileGrid(reference.Quantiles, nameof(reference));

        // F_current is constant between its distinct values and F_reference only climbs, so the gap is
        // widest at a current value (after its ties) or just below one (before them).
        double largestGap = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i + 1;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            double below = Math.Abs(grid.Below(sorted[i]) - ((double)i / sorted.Length));
            double atOrBelow = Math.Abs(grid.AtOrBelow(sorted[i]) - ((double)j / sorted.Length));
            largestGap = Math.Max(largestGap, Math.Max(below, atOrBelow));
            i = j;
        }

        return new StatisticResult(largestGap, PValue(reference.Count, sorted.Length, largestGap));
    }

    // scipy's asymptotic two-sample p-value: the exact one-sample distribution at the effective size
    // round(n·m/(n+m)), in the same operation order as scipy so the rounding agrees.
    private static double PValue(long referenceCount, long currentCount, double statistic)
    {
        double larger = Math.Max(referenceCount, currentCount);
        double smaller = Math.Min(referenceCount, currentCount);
        double effectiveSize = Math.Round(larger * smaller / (larger + smaller), MidpointRounding.ToEven);
        return effectiveSize < 1
            ? double.NaN
            : KolmogorovDistribution.Survival((int)effectiveSize, statistic);
    }

    /// <summary>
    /// Largest absolute gap between the two empirical CDFs, evaluated at every distinct value
    /// after all ties at that value are absorbed (the right-continuous CDF scipy uses).
    /// </summary>
    private static double Statistic(double[] first, double[] second)
    {
        int i = 0;
        int j = 0;
        double largestGap = 0;
        while (i < first.Length && j < second.Length)
        {
            double value = Math.Min(first[i], second[j]);
            while (i < first.Length && first[i] == value)
            {
                i++;
            }

            while (j < second.Length && second[j] == value)
            {
                j++;
            }

            double gap = Math.Abs(((double)i / first.Length) - ((double)j / second.Length));
            largestGap = Math.Max(largestGap, gap);
        }

        // Once one sample is exhausted its CDF is 1 and the other's only climbs towards 1,
        // so no later value can widen the gap.
        return largestGap;
    }
}
