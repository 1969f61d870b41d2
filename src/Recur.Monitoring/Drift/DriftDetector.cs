using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Chooses a drift test per column the way Evidently does: with a small reference (up to
/// <see cref="MonitoringConfig.TestReferenceMaxRows"/> rows) hypothesis tests — Kolmogorov–Smirnov
/// for numbers, a z-test for two-valued categories, chi-square for other categories — with a
/// Bonferroni correction across features; with a larger reference, distances — normed Wasserstein for
/// numbers, Jensen–Shannon for categories — against a fixed threshold. Dataset drift is declared
/// when at least half of the features drift. The reference is either raw rows or a stored profile's
/// <see cref="TableReference"/>; the same rules apply to both.
/// </summary>
public static class DriftDetector
{
    /// <summary>The category that missing values count as.</summary>
    public const string MissingCategory = "<missing>";

    /// <summary>The category that, against a truncated reference, pools the values beyond its cap.</summary>
    public const string OtherCategory = "<other>";

    /// <summary>Compares the current table to reference rows on the given features.</summary>
    public static DriftReport Detect(DataTable reference, DataTable current, IReadOnlyList<string> features, MonitoringConfig config) =>
        Detect(reference.RowCount, current, features, config, (name, rule) =>
            reference[name] is NumericColumn refNumbers && current[name] is NumericColumn curNumbers
                ? AllMissing(name, curNumbers) ?? CompareNumbers(name, rule, () => KolmogorovSmirnov.TwoSample(refNumbers.Values, curNumbers.Values), () => Wasserstein.NormedDistance(refNumbers.Values, curNumbers.Values))
                : CompareCategories(name, rule, CategoryCounts(reference[name]), CategoryCounts(current[name])));

    /// <summary>
    /// Compares the current table to a stored profile's reference on the given features, so no raw
    /// reference rows are needed. Numbers are compared with the reference CDF and quantile function
    /// interpolated from its quantile grid (see <see cref="KolmogorovSmirnov.AgainstReference"/> and
    /// <see cref="Wasserstein.NormedDistance(NumericReference, ReadOnlySpan{double})"/>); categories with
    /// the stored counts, which are exact unless the reference was truncated.
    /// </summary>
    public static DriftReport Detect(TableReference reference, DataTable current, IReadOnlyList<string> features, MonitoringConfig config) =>
        Detect(reference.Rows, current, features, config, (name, rule) =>
        {
            var column = reference.Columns.GetValueOrDefault(name) ?? throw RecurException.Invalid($"feature '{name}' is not in the reference profile", name);
            if (current[name] is NumericColumn numbers)
            {
                var grid = column.Numbers ?? throw RecurException.Invalid($"feature '{name}' has no numeric values in the reference profile", name);
                return AllMissing(name, numbers) ?? CompareNumbers(name, rule, () => KolmogorovSmirnov.AgainstReference(grid, numbers.Values), () => Wasserstein.NormedDistance(grid, numbers.Values));
            }
            var categories = column.Categories ?? throw RecurException.Invalid($"feature '{name}' is numeric in the reference profile but text in the current data", name);
            var (refCounts, curCounts) = ReferenceCategories.Counts(column.Missing, categories, CategoryCounts(current[name]));
            return CompareCategories(name, rule, refCounts, curCounts);
        });

    /// <summary>Value → count of a column; missing values count as the category "&lt;missing&gt;".</summary>
    public static Dictionary<string, long> CategoryCounts(DataColumn column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var r = 0; r < column.Length; r++)
        {
            // Missing is a category of its own: a jump in missing values is drift too.
            var value = column.Format(r) ?? MissingCategory;
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return counts;
    }

    private static DriftReport Detect(long referenceRows, DataTable current, IReadOnlyList<string> features, MonitoringConfig config, Func<string, Rule, FeatureDrift> compare)
    {
        if (features.Count == 0) throw RecurException.Invalid("no features to compare", "features");
        if (referenceRows == 0) throw RecurException.Invalid("the reference sample is empty", "reference");
        if (current.RowCount == 0) throw RecurException.Invalid("the current sample is empty; nothing has been logged yet", "current");
        var pThreshold = config.Correction switch
        {
            "bonferroni" => config.PValue / features.Count,
            "none" => config.PValue,
            _ => throw RecurException.Invalid($"monitoring.correction: unknown '{config.Correction}' (use bonferroni or none)", "monitoring.correction"),
        };
        var rule = new Rule(referenceRows <= config.TestReferenceMaxRows, pThreshold, config.DistanceThreshold);
        var results = features.Select(name => compare(name, rule)).ToList();
        var share = (double)results.Count(r => r.Drifted) / results.Count;
        return new DriftReport(results, checked((int)referenceRows), current.RowCount, share, share >= 0.5);
    }

    // Which family applies, and the thresholds; fixed for a whole report.
    private sealed record Rule(bool UseTests, double PThreshold, double DistanceThreshold);

    // A numeric feature missing in every current row has no distribution to test: that is drift in itself (statistic: the
    // missing share, 1), reported rather than failing the whole report.
    private static FeatureDrift? AllMissing(string name, NumericColumn current) =>
        current.Values.All(double.IsNaN) ? new FeatureDrift(name, "all_missing", 1, null, 0, true) : null;

    private static FeatureDrift CompareNumbers(string name, Rule rule, Func<StatisticResult> ks, Func<double> wasserstein)
    {
        if (rule.UseTests)
        {
            var result = ks();
            return new(name, "ks", result.Statistic, result.PValue, rule.PThreshold, result.PValue < rule.PThreshold);
        }
        var w = wasserstein();
        return new(name, "wasserstein_normed", w, null, rule.DistanceThreshold, w > rule.DistanceThreshold);
    }

    private static FeatureDrift CompareCategories(string name, Rule rule, Dictionary<string, long> refCounts, Dictionary<string, long> curCounts)
    {
        if (!rule.UseTests)
        {
            var js = JensenShannon.Distance(refCounts, curCounts);
            return new(name, "jensen_shannon", js, null, rule.DistanceThreshold, js > rule.DistanceThreshold);
        }
        if (refCounts.Count == 2 && curCounts.Keys.All(refCounts.ContainsKey))
        {
            var first = refCounts.Keys.Order(StringComparer.Ordinal).First();
            var z = ProportionZTest.TwoSample(refCounts[first], refCounts.Values.Sum(), curCounts.GetValueOrDefault(first), curCounts.Values.Sum());
            return new(name, "z_test", z.Statistic, z.PValue, rule.PThreshold, z.PValue < rule.PThreshold);
        }
        var chi = ChiSquare.Homogeneity(refCounts, curCounts);
        return new(name, "chi_square", chi.Statistic, chi.PValue, rule.PThreshold, chi.PValue < rule.PThreshold);
    }
}
