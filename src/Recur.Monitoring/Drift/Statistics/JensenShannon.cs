namespace Recur.Monitoring.Drift;

/// <summary>
/// Jensen–Shannon distance between two distributions (natural-log base, so it lies in [0, √ln 2]).
/// </summary>
public static class JensenShannon
{
    /// <summary>
    /// Distance between the category frequency distributions, equal to
    /// <c>scipy.spatial.distance.jensenshannon(p, q)</c> with the default natural-log base over the
    /// union of categories (a category missing on one side has probability 0 there, which JS handles).
    /// </summary>
    /// <param name="referenceCounts">Category counts in the reference data.</param>
    /// <param name="currentCounts">Category counts in the current data.</param>
    /// <returns>The Jensen–Shannon distance (square root of the divergence).</returns>
    /// <exception cref="ArgumentException">A map is null, has a negative count, or sums to zero.</exception>
    public static double Distance(
        IReadOnlyDictionary<string, long> referenceCounts,
        IReadOnlyDictionary<string, long> currentCounts)
    {
        ArgumentNullException.ThrowIfNull(referenceCounts);
        ArgumentNullException.ThrowIfNull(currentCounts);
        (long[] reference, long[] current) = CategoryAlignment.Align(
            referenceCounts, currentCounts, nameof(referenceCounts), nameof(currentCounts));
        return FromCounts(reference, current);
    }

    /// <summary>
    /// Distance between two numeric samples after binning both on the reference's deciles
    /// (open-ended outer bins, tied edges merged; see <see cref="PopulationStabilityIndex"/>),
    /// then <c>scipy.spatial.distance.jensenshannon</c> of the bin counts, natural-log base.
    /// NaN values are ignored.
    /// </summary>
    /// <param name="reference">Reference sample; NaN entries are skipped.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The Jensen–Shannon distance.</returns>
    /// <exception cref="ArgumentException">A sample has no non-NaN value.</exception>
    public static double Distance(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        double[] sortedReference = NumericSample.SortedWithoutNaN(reference, nameof(reference));
        double[] sortedCurrent = NumericSample.SortedWithoutNaN(current, nameof(current));
        double[] edges = ReferenceQuantileBins.InnerEdges(sortedReference);
        return FromCounts(
            ReferenceQuantileBins.Count(sortedReference, edges),
            ReferenceQuantileBins.Count(sortedCurrent, edges));
    }

    internal static double FromCounts(long[] reference, long[] current)
    {
        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        double divergence = 0.0;
        for (int i = 0; i < reference.Length; i++)
        {
            double p = reference[i] / referenceTotal;
            double q = current[i] / currentTotal;
            double mixture = (p + q) / 2.0;
            divergence += RelativeEntropyTerm(p, mixture) + RelativeEntropyTerm(q, mixture);
        }

        // Rounding can leave a tiny negative divergence for near-identical inputs; sqrt would make it NaN.
        return Math.Sqrt(Math.Max(divergence, 0.0) / 2.0);
    }

    /// <summary>scipy.special.rel_entr for a mixture component: 0·log(0/m) is taken as 0.</summary>
    private static double RelativeEntropyTerm(double probability, double mixture) =>
        probability > 0 ? probability * Math.Log(probability / mixture) : 0.0;
}
