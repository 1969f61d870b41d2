using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Chooses a drift test per column the way Evidently does: with a small reference (up to
/// <see cref="MonitoringConfig.TestReferenceMaxRows"/> rows) hypothesis tests — Kolmogorov–Smirnov
/// for numbers, a z-test for two-valued categories, chi-square for other categories — with a
/// Bonferroni correction across features; with a larger reference, distances — normed Wasserstein for
/// numbers, Jensen–Shannon for categories — against a fixed threshold. Dataset drift is declared
/// when at least half of the features drift.
/// </summary>
public static class DriftDetector
{
    /// <summary>Compares the current table to the reference on the given features.</summary>
    public static DriftReport Detect(DataTable reference, DataTable current, IReadOnlyList<string> features, MonitoringConfig config)
    {
        if (features.Count == 0) throw RecurException.Invalid("no features to compare", "features");
        if (reference.RowCount == 0) throw RecurException.Invalid("the reference sample is empty", "reference");
        if (current.RowCount == 0) throw RecurException.Invalid("the current sample is empty; nothing has been logged yet", "current");
        var useTests = reference.RowCount <= config.TestReferenceMaxRows;
        var pThreshold = config.Correction switch
        {
            "bonferroni" => config.PValue / features.Count,
            "none" => config.PValue,
            _ => throw RecurException.Invalid($"monitoring.correction: unknown '{config.Correction}' (use bonferroni or none)", "monitoring.correction"),
        };
        var results = features.Select(name => Compare(reference[name], current[name], useTests, pThreshold, config.DistanceThreshold)).ToList();
        var share = (double)results.Count(r => r.Drifted) / results.Count;
        return new DriftReport(results, reference.RowCount, current.RowCount, share, share >= 0.5);
    }

    private static FeatureDrift Compare(DataColumn reference, DataColumn current, bool useTests, double pThreshold, double distanceThreshold)
    {
        if (reference is NumericColumn refNumbers && current is NumericColumn curNumbers)
        {
            if (useTests)
            {
                var ks = KolmogorovSmirnov.TwoSample(refNumbers.Values, curNumbers.Values);
                return new(reference.Name, "ks", ks.Statistic, ks.PValue, pThreshold, ks.PValue < pThreshold);
            }
            var w = Wasserstein.NormedDistance(refNumbers.Values, curNumbers.Values);
            return new(reference.Name, "wasserstein_normed", w, null, distanceThreshold, w > distanceThreshold);
        }
        var refCounts = CategoryCounts(reference);
        var curCounts = CategoryCounts(current);
        if (!useTests)
        {
            var js = JensenShannon.Distance(refCounts, curCounts);
            return new(reference.Name, "jensen_shannon", js, null, distanceThreshold, js > distanceThreshold);
        }
        if (refCounts.Count <= 2 && curCounts.Keys.All(refCounts.ContainsKey) && refCounts.Count == 2)
        {
            var first = refCounts.Keys.Order(StringComparer.Ordinal).First();
            var z = ProportionZTest.TwoSample(refCounts[first], refCounts.Values.Sum(), curCounts.GetValueOrDefault(first), curCounts.Values.Sum());
            return new(reference.Name, "z_test", z.Statistic, z.PValue, pThreshold, z.PValue < pThreshold);
        }
        var chi = ChiSquare.Homogeneity(refCounts, curCounts);
        return new(reference.Name, "chi_square", chi.Statistic, chi.PValue, pThreshold, chi.PValue < pThreshold);
    }

    /// <summary>Value → count of a column; missing values count as the category "&lt;missing&gt;".</summary>
    public static Dictionary<string, long> CategoryCounts(DataColumn column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            // Missing is a category of its own: a jump in missing values is drift too.
            var value = column.Format(r) ?? "<missing>";
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return counts;
    }
}
