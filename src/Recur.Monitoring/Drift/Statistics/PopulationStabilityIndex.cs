namespace Recur.Monitoring.Drift;

/// <summary>
/// Population Stability Index: Σ (q_i − p_i) · ln(q_i / p_i) over bins or categories, where p is the
/// reference share and q the current share.
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>
    /// Share substituted for an empty bin or category on either side; without it an empty bin would make
    /// the logarithm infinite. Evidently uses the same 0.0001.
    /// </summary>
    public const double EmptyBinProportion = 1e-4;

    private const double ModerateThreshold = 0.1;
    private const double MajorThreshold = 0.25;

    /// <summary>
    /// PSI of numeric data on 10 quantile bins of the reference: inner edges at the reference's
    /// deciles (numpy 'linear' quantiles, tied edges merged), open-ended outer bins so current values
    /// outside the reference range are counted, and a value on an edge counted in the bin above.
    /// NaN values are ignored.
    /// </summary>
    /// <param name="reference">Reference sample; NaN entries are skipped.</param>
    /// <param name="current">Current sample; NaN entries are skipped.</param>
    /// <returns>The PSI (0 for identical binned distributions).</returns>
    /// <exception cref="ArgumentException">A sample has no non-NaN value.</exception>
    public static double Compute(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        double[] sortedReference = NumericSample.SortedWithoutNaN(reference, nameof(reference));
        double[] sortedCurrent = NumericSample.SortedWithoutNaN(current, nameof(current));
        double[] edges = ReferenceQuantileBins.InnerEdges(sortedReference);
        return FromCounts(
            ReferenceQuantileBins.Count(sortedReference, edges),
            ReferenceQuantileBins.Count(sortedCurrent, edges));
    }

    /// <summary>
    /// PSI of categorical data over the union of categories; a category missing on one side gets
    /// <see cref="EmptyBinProportion"/> there.
    /// </summary>
    /// <param name="referenceCounts">Category counts in the reference data.</param>
    /// <param name="currentCounts">Category counts in the current data.</param>
    /// <returns>The PSI.</returns>
    /// <exception cref="ArgumentException">A map is null, has a negative count, or sums to zero.</exception>
    public static double Compute(
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
    /// Reads a PSI value: below 0.1 <see cref="PsiBand.Stable"/>, 0.1–0.25 inclusive
    /// <see cref="PsiBand.Moderate"/>, above 0.25 <see cref="PsiBand.Major"/>.
    /// </summary>
    /// <param name="psi">A PSI value (≥ 0).</param>
    /// <returns>The band the value falls in.</returns>
    /// <exception cref="ArgumentException"><paramref name="psi"/> is NaN or negative.</exception>
    public static PsiBand Classify(double psi)
    {
        if (double.IsNaN(psi) || psi < 0)
        {
            throw new ArgumentException("PSI must be a non-negative number.", nameof(psi));
        }

        if (psi < ModerateThreshold)
        {
            return PsiBand.Stable;
        }

        return psi <= MajorThreshold ? PsiBand.Moderate : PsiBand.Major;
    }

    internal static double FromCounts(long[] reference, long[] current)
    {
        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        double psi = 0.0;
        for (int i = 0; i < reference.Length; i++)
        {
            double p = ShareOrFloor(reference[i], referenceTotal);
            double q = ShareOrFloor(current[i], currentTotal);
            psi += (q - p) * Math.Log(q / p);
        }

        return psi;
    }

    private static double ShareOrFloor(long count, double total) =>
        count == 0 ? EmptyBinProportion : count / total;
}
