using MathNet.Numerics;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Pearson chi-square test of whether current category frequencies follow the reference's.
/// </summary>
public static class ChiSquare
{
    /// <summary>
    /// Reference proportion given to a category the reference never saw. Without it the expected
    /// count would be zero and the statistic undefined; being tiny, a new category still weighs heavily.
    /// </summary>
    public const double AbsentCategoryProportion = 1e-4;

    /// <summary>
    /// Goodness-of-fit of the current counts against expectations from the reference proportions,
    /// as in Evidently's chi-square drift test: equal to
    /// <c>scipy.stats.chisquare(f_obs=current, f_exp=p_ref · n_current)</c> with k − 1 degrees of freedom.
    /// </summary>
    /// <remarks>
    /// Categories are the union of both maps; those with zero count on both sides are dropped as they
    /// carry no information. Categories absent from the reference get
    /// <see cref="AbsentCategoryProportion"/> and the proportions are renormalised to sum to one.
    /// With a single category the distributions are trivially equal and the result is (0, 1),
    /// where scipy would return a NaN p-value for zero degrees of freedom.
    /// </remarks>
    /// <param name="referenceCounts">Category counts in the reference data.</param>
    /// <param name="currentCounts">Category counts in the current data.</param>
    /// <returns>The chi-square statistic and its upper-tail p-value.</returns>
    /// <exception cref="ArgumentException">A map is null, has a negative count, or sums to zero.</exception>
    public static StatisticResult Homogeneity(
        IReadOnlyDictionary<string, long> referenceCounts,
        IReadOnlyDictionary<string, long> currentCounts)
    {
        ArgumentNullException.ThrowIfNull(referenceCounts);
        ArgumentNullException.ThrowIfNull(currentCounts);
        (long[] reference, long[] current) = CategoryAlignment.Align(
            referenceCounts, currentCounts, nameof(referenceCounts), nameof(currentCounts));

        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        var proportions = new List<double>(reference.Length);
        var observed = new List<double>(reference.Length);
        for (int i = 0; i < reference.Length; i++)
        {
            if (reference[i] + current[i] == 0)
            {
                continue;
            }

            proportions.Add(reference[i] > 0 ? reference[i] / referenceTotal : AbsentCategoryProportion);
            observed.Add(current[i]);
        }

        if (observed.Count < 2)
        {
            return new StatisticResult(0.0, 1.0);
        }

        double proportionTotal = proportions.Sum();
        double statistic = 0.0;
        for (int i = 0; i < observed.Count; i++)
        {
            double expected = proportions[i] / proportionTotal * currentTotal;
            double difference = observed[i] - expected;
            statistic += difference * difference / expected;
        }

        // The regularised upper gamma is the chi-square survival function computed directly,
        // which keeps small p-values accurate where 1 − ChiSquared.CDF would round to zero.
        double degreesOfFreedom = observed.Count - 1;
        double pValue = SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2, statistic / 2);
        return new StatisticResult(statistic, pValue);
    }
}
