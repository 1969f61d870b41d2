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
        double[] sortedReference = NumericSample.SortedWithoutNaN(reference, nameof(reference));
        double[] sortedCurrent = NumericSample.SortedWithoutNaN(current, nameof(current));
        double statistic = Statistic(sortedReference, sortedCurrent);

        // Same operation order as scipy so the rounding of the effective size agrees.
        double larger = Math.Max(sortedReference.Length, sortedCurrent.Length);
        double smaller = Math.Min(sortedReference.Length, sortedCurrent.Length);
        double effectiveSize = Math.Round(larger * smaller / (larger + smaller), MidpointRounding.ToEven);
        double pValue = effectiveSize < 1
            ? double.NaN
            : KolmogorovDistribution.Survival((int)effectiveSize, statistic);
        return new StatisticResult(statistic, pValue);
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
