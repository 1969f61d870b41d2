using System.Runtime.ExceptionServices;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Chooses a drift test per column the way Evidently does, unless <c>monitoring.columns</c> names one: with a
/// small reference (up to <see cref="MonitoringConfig.TestReferenceMaxRows"/> rows) hypothesis tests —
/// Kolmogorov–Smirnov for numbers, a z-test for two-valued categories, chi-square for other categories — with a
/// multiple-testing correction (Bonferroni, Benjamini–Hochberg or none); with a larger reference, distances —
/// normed Wasserstein for numbers, Jensen–Shannon for categories — against a threshold. A column with fewer than
/// <see cref="MonitoringConfig.MinRowsPerTest"/> values on a side is not judged (insufficient data). Dataset drift
/// is declared when at least half of the judged features drift. The reference is either raw rows or a stored
/// profile's <see cref="TableReference"/>; the same rules apply to both.
/// </summary>
public static class DriftDetector
{
    /// <summary>The category that missing values count as.</summary>
    public const string MissingCategory = "<missing>";

    /// <summary>The category that, against a truncated reference, pools the values beyond its cap.</summary>
    public const string OtherCategory = "<other>";

    /// <summary>
    /// Compares the current table to reference rows on the given features. With <paramref name="everyTest"/>,
    /// every test that applies to a column is computed and listed in <see cref="FeatureDrift.Statistics"/>.
    /// </summary>
    public static DriftReport Detect(DataTable reference, DataTable current, IReadOnlyList<string> features, MonitoringConfig config, bool everyTest = false) =>
        Detect(reference.RowCount, current, features, config, everyTest, name =>
            reference[name] is NumericColumn refNumbers && current[name] is NumericColumn curNumbers
                ? ColumnSample.Numbers(name, RadixSort.SortedWithoutNaN(refNumbers.Values), RadixSort.SortedWithoutNaN(curNumbers.Values))
                : ColumnSample.Categories(name, CategoryCounts(reference[name]), CategoryCounts(current[name])));

    /// <summary>
    /// Compares the current table to a stored profile's reference on the given features, so no raw
    /// reference rows are needed. Numbers are compared with the reference CDF and quantile function
    /// interpolated from its quantile grid (see <see cref="KolmogorovSmirnov.AgainstReference"/> and
    /// <see cref="Wasserstein.NormedDistance(NumericReference, ReadOnlySpan{double})"/>); categories with
    /// the stored counts, which are exact unless the reference was truncated.
    /// </summary>
    public static DriftReport Detect(TableReference reference, DataTable current, IReadOnlyList<string> features, MonitoringConfig config, bool everyTest = false) =>
        Detect(reference.Rows, current, features, config, everyTest, name =>
        {
            var column = reference.Columns.GetValueOrDefault(name) ?? throw RecurException.Invalid($"feature '{name}' is not in the reference profile", name);
            if (current[name] is NumericColumn numbers)
            {
                var grid = column.Numbers ?? throw RecurException.Invalid($"feature '{name}' has no numeric values in the reference profile", name);
                return ColumnSample.Numbers(name, grid, RadixSort.SortedWithoutNaN(numbers.Values));
            }
            var categories = column.Categories ?? throw RecurException.Invalid($"feature '{name}' is numeric in the reference profile but text in the current data", name);
            var (refCounts, curCounts) = ReferenceCategories.Counts(column.Missing, categories, CategoryCounts(current[name]));
            return ColumnSample.Categories(name, refCounts, curCounts);
        });

    /// <summary>Value → count of a column; missing values count as the category "&lt;missing&gt;".</summary>
    public static Dictionary<string, long> CategoryCounts(DataColumn column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (column is TextColumn text) return CategoryCounter.Count(text.Values, MissingCategory);
        for (var r = 0; r < column.Length; r++)
        {
            // Missing is a category of its own: a jump in missing values is drift too.
            var value = column.Format(r) ?? MissingCategory;
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        return counts;
    }

    private static DriftReport Detect(long referenceRows, DataTable current, IReadOnlyList<string> features, MonitoringConfig config, bool everyTest, Func<string, ColumnSample> prepare)
    {
        if (features.Count == 0) throw RecurException.Invalid("no features to compare", "features");
        if (referenceRows == 0) throw RecurException.Invalid("the reference sample is empty", "reference");
        if (current.RowCount == 0) throw RecurException.Invalid("the current sample is empty; nothing has been logged yet", "current");
        if (!MultipleTesting.Names.Contains(config.Correction))
        {
            throw RecurException.Invalid($"monitoring.correction: unknown '{config.Correction}' (use {string.Join(", ", MultipleTesting.Names)})", "monitoring.correction");
        }
        var useTests = referenceRows <= config.TestReferenceMaxRows;
        var judged = new ColumnJudgement[features.Count];
        try
        {
            // Columns are independent; each sorts its own samples once and reuses them for every test.
            Parallel.For(0, features.Count, i => judged[i] = Judge(prepare(features[i]), config, useTests, everyTest));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return Verdicts.Decide(judged, config, checked((int)referenceRows), current.RowCount);
    }

    private static ColumnJudgement Judge(ColumnSample sample, MonitoringConfig config, bool useTests, bool everyTest)
    {
        var rule = config.Columns.GetValueOrDefault(sample.Name);
        var test = Choose(sample, rule?.Test, useTests);
        var level = rule?.Threshold ?? (test.HasPValue ? config.PValue : config.DistanceThreshold);
        var type = sample.Numeric ? "numeric" : "categorical";
        if (test.HasPValue && level >= 1)
        {
            throw RecurException.Invalid($"column '{sample.Name}': threshold {level} is the significance level of {test.Name} and must be below 1 (e.g. 0.05)", $"monitoring.columns.{sample.Name}.threshold");
        }

        // A numeric feature missing in every current row has no distribution to test: that is drift in itself
        // (statistic: the missing share, 1), reported rather than failing the whole report.
        if (sample.Numeric && sample.CurrentCount == 0)
        {
            return new(new FeatureDrift(sample.Name, "all_missing", 1, null, 0, true) { Type = type, ReferenceCount = sample.ReferenceCount }, null, level);
        }
        var thin = sample.ReferenceCount < config.MinRowsPerTest || sample.CurrentCount < config.MinRowsPerTest
            ? $"{Math.Min(sample.ReferenceCount, sample.CurrentCount)} values on the {(sample.ReferenceCount < sample.CurrentCount ? "reference" : "current")} side; monitoring.min_rows_per_test is {config.MinRowsPerTest}"
            : null;
        var outcome = thin is null ? sample.Run(test) : DriftTestOutcome.Thin(thin);
        var basis = new FeatureDrift(sample.Name, test.Name, outcome.Statistic, outcome.PValue, level, false)
        {
            Type = type,
            ReferenceCount = sample.ReferenceCount,
            CurrentCount = sample.CurrentCount,
        };
        if (outcome.Insufficient is { } reason)
        {
            return new(basis with { Status = FeatureDrift.InsufficientData, Reason = reason, PValue = null }, null, level);
        }

        var psi = sample.Run(DriftTests.Psi).Statistic;
        basis = basis with { Psi = psi, PsiBand = PopulationStabilityIndex.Classify(Math.Max(psi, 0)).ToString().ToLowerInvariant() };
        if (everyTest) basis = basis with { Statistics = EveryTest(sample) };
        return new(basis, test.HasPValue ? outcome.PValue : null, level);
    }

    private static IDriftTest Choose(ColumnSample sample, string? declared, bool useTests)
    {
        if (!string.IsNullOrEmpty(declared))
        {
            if (!DriftTests.Exists(declared))
            {
                throw RecurException.Invalid($"monitoring.columns.{sample.Name}.test: '{declared}' is not a drift test (one of: {string.Join(", ", DriftTests.Names)})", $"monitoring.columns.{sample.Name}.test");
            }
            if (!DriftTests.AppliesTo(declared, sample.Numeric))
            {
                throw RecurException.Invalid(
                    $"monitoring.columns.{sample.Name}.test: {declared} compares {DriftTests.KindsOf(declared)} columns, but '{sample.Name}' is {(sample.Numeric ? "numeric" : "categorical")}",
                    $"monitoring.columns.{sample.Name}.test");
            }
            return DriftTests.Get(declared);
        }
        if (sample.Numeric) return useTests ? DriftTests.Ks : DriftTests.WassersteinNormed;
        if (!useTests) return DriftTests.JensenShannonTest;
        return ZDriftTest.Applies(sample) ? DriftTests.ZTest : DriftTests.ChiSquareTest;
    }

    private static List<DriftStatistic> EveryTest(ColumnSample sample)
    {
        var list = new List<DriftStatistic>();
        foreach (var name in DriftTests.Names)
        {
            var test = DriftTests.Get(name);
            if (!DriftTests.AppliesTo(name, sample.Numeric) || (test == DriftTests.ZTest && !ZDriftTest.Applies(sample))) continue;
            var result = sample.Run(test);
            if (result.Insufficient is null) list.Add(new DriftStatistic(test.Name, result.Statistic, result.PValue));
        }
        return list;
    }
}
