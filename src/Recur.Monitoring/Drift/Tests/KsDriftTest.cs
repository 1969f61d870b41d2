namespace Recur.Monitoring.Drift;

/// <summary>Two-sample Kolmogorov–Smirnov on numbers: scipy's default method choice on raw rows (<see cref="KolmogorovSmirnov.TwoSampleAuto"/>), the asymptotic p-value against a profile grid.</summary>
internal sealed class KsDriftTest : IDriftTest
{
    public string Name => "ks";

    public bool ForNumbers => true;

    public bool ForCategories => false;

    public bool HasPValue => true;

    public DriftTestOutcome Run(ColumnSample sample)
    {
        var result = sample.Reference is { } reference
            ? KolmogorovSmirnov.TwoSampleSortedAuto(reference, sample.Current!)
            : KolmogorovSmirnov.AgainstReferenceSorted(sample.Grid!, sample.Current!);
        return new(result.Statistic, result.PValue);
    }
}
