namespace Recur.Monitoring.Drift;

/// <summary>Normed Wasserstein distance (<see cref="Wasserstein"/>): W1 over the reference's standard deviation.</summary>
internal sealed class WassersteinDriftTest : IDriftTest
{
    public string Name => "wasserstein_normed";

    public bool ForNumbers => true;

    public bool ForCategories => false;

    public bool HasPValue => false;

    public DriftTestOutcome Run(ColumnSample sample) => new(
        sample.Reference is { } reference
            ? Wasserstein.NormedDistanceSorted(reference, sample.Current!)
            : Wasserstein.NormedDistanceSorted(sample.Grid!, sample.Current!),
        null);
}
