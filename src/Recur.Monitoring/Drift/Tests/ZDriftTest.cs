using Recur.Core;

namespace Recur.Monitoring.Drift;

/// <summary>Two-proportion z-test (<see cref="ProportionZTest"/>) on a category with exactly two values.</summary>
internal sealed class ZDriftTest : IDriftTest
{
    public string Name => "z_test";

    public bool ForNumbers => false;

    public bool ForCategories => true;

    public bool HasPValue => true;

    /// <summary>Whether the column has the two values the test compares: two in the reference, none new in the current data.</summary>
    public static bool Applies(ColumnSample sample) =>
        sample.ReferenceCounts!.Count == 2 && sample.CurrentCounts!.Keys.All(sample.ReferenceCounts.ContainsKey);

    public DriftTestOutcome Run(ColumnSample sample)
    {
        if (!Applies(sample))
        {
            var values = sample.ReferenceCounts!.Keys.Union(sample.CurrentCounts!.Keys).Order(StringComparer.Ordinal).ToList();
            throw RecurException.Invalid(
                $"column '{sample.Name}': z_test compares two categories, but the two sides hold {values.Count} ({string.Join(", ", values.Take(5))}{(values.Count > 5 ? ", …" : "")}); use chi_square",
                sample.Name);
        }

        var first = sample.ReferenceCounts!.Keys.Order(StringComparer.Ordinal).First();
        var z = ProportionZTest.TwoSample(sample.ReferenceCounts[first], sample.ReferenceCount, sample.CurrentCounts!.GetValueOrDefault(first), sample.CurrentCount);
        return new(z.Statistic, z.PValue);
    }
}
