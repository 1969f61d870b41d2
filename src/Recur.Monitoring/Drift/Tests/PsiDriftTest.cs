namespace Recur.Monitoring.Drift;

/// <summary>Population Stability Index (<see cref="PopulationStabilityIndex"/>): reference deciles for numbers, categories as they are.</summary>
internal sealed class PsiDriftTest : IDriftTest
{
    public string Name => "psi";

    public bool ForNumbers => true;

    public bool ForCategories => true;

    public bool HasPValue => false;

    public DriftTestOutcome Run(ColumnSample sample)
    {
        if (!sample.Numeric)
        {
            return new(PopulationStabilityIndex.Compute(sample.ReferenceCounts!, sample.CurrentCounts!), null);
        }

        var (reference, current) = sample.DecileBins();
        return new(PopulationStabilityIndex.FromCounts(reference, current), null);
    }
}
