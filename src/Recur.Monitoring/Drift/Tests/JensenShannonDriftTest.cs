namespace Recur.Monitoring.Drift;

/// <summary>Jensen–Shannon distance (<see cref="JensenShannon"/>): over categories, or over the reference's deciles for numbers.</summary>
internal sealed class JensenShannonDriftTest : IDriftTest
{
    public string Name => "jensen_shannon";

    public bool ForNumbers => true;

    public bool ForCategories => true;

    public bool HasPValue => false;

    public DriftTestOutcome Run(ColumnSample sample)
    {
        if (!sample.Numeric)
        {
            return new(JensenShannon.Distance(sample.ReferenceCounts!, sample.CurrentCounts!), null);
        }

        var (reference, current) = sample.DecileBins();
        return new(JensenShannon.FromCounts(reference, current), null);
    }
}
