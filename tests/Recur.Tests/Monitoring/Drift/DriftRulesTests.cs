using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Monitoring.Drift;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>Per-column tests and thresholds, the corrections, insufficient data and PSI bands in <see cref="DriftDetector"/>.</summary>
public sealed class DriftRulesTests
{
    private static DataTable Numbers(params (string Name, double[] Values)[] columns) =>
        new(columns.Select(c => (DataColumn)new NumericColumn(new ColumnSpec(c.Name, ColumnType.Real), c.Values)).ToArray());

    private static double[] Uniform(int n, int seed, double shift = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() + shift).ToArray();
    }

    [Fact]
    public void Detect_ColumnRuleNamesATestAndThreshold_UsesThem()
    {
        var config = new MonitoringConfig { Columns = { ["x"] = new DriftColumnConfig { Test = "psi", Threshold = 0.2 } } };

        var report = DriftDetector.Detect(Numbers(("x", Uniform(500, 1))), Numbers(("x", Uniform(500, 2, 0.05))), ["x"], config);

        var x = Assert.Single(report.Features);
        Assert.Equal(("psi", 0.2), (x.Test, x.Threshold));
        Assert.Equal(x.Psi, x.Statistic);
        Assert.Equal(x.Statistic > 0.2, x.Drifted);
    }

    [Fact]
    public void Detect_ColumnRuleTestForTheWrongKind_FailsNamingTheKey()
    {
        var config = new MonitoringConfig { Columns = { ["x"] = new DriftColumnConfig { Test = "chi_square" } } };

        var e = Assert.Throws<RecurException>(() => DriftDetector.Detect(Numbers(("x", Uniform(50, 1))), Numbers(("x", Uniform(50, 2))), ["x"], config));

        Assert.Equal("monitoring.columns.x.test", e.Field);
        Assert.Contains("chi_square compares categorical columns, but 'x' is numeric", e.Message);
    }

    [Fact]
    public void Detect_ThreeCurrentRows_ReportsInsufficientDataWithoutAPValue()
    {
        var report = DriftDetector.Detect(Numbers(("x", Uniform(500, 1)), ("y", Uniform(500, 3))), Numbers(("x", Uniform(3, 2, 5)), ("y", Uniform(3, 4))), ["x", "y"], new MonitoringConfig());

        Assert.All(report.Features, f =>
        {
            Assert.Equal(FeatureDrift.InsufficientData, f.Status);
            Assert.Null(f.PValue);
            Assert.False(f.Drifted);
            Assert.Contains("3 values on the current side; monitoring.min_rows_per_test is 30", f.Reason);
        });
        Assert.Equal((0, 2, 0.0, false), (report.Judged, report.NotJudged, report.DriftedShare, report.DatasetDrift));
    }

    [Fact]
    public void Detect_OneColumnTooThin_CountsOnlyJudgedColumnsInTheShare()
    {
        var current = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), Uniform(200, 2, 3)),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), Uniform(200, 4).Select((v, i) => i < 10 ? v : double.NaN).ToArray()),
        ]);

        var report = DriftDetector.Detect(Numbers(("x", Uniform(500, 1)), ("y", Uniform(500, 3))), current, ["x", "y"], new MonitoringConfig());

        Assert.Equal((1, 1, 1.0, true), (report.Judged, report.NotJudged, report.DriftedShare, report.DatasetDrift));
        Assert.Equal(FeatureDrift.InsufficientData, report.Features[1].Status);
    }

    [Fact]
    public void Detect_CategoriesExpectedTooFewRowsForChiSquare_PoolsThemOrReportsInsufficientData()
    {
        TextColumn Text(int n, Func<int, string> value) => new(new ColumnSpec("c", ColumnType.Text), Enumerable.Range(0, n).Select(i => (string?)value(i)).ToArray());
        // 40 current rows over one common and 20 rare reference categories: only the common one expects 5 or more rows, and the pool of rare ones does too.
        var reference = new DataTable([Text(400, i => i < 200 ? "common" : $"rare{i % 20}")]);
        var pooled = DriftDetector.Detect(reference, new DataTable([Text(40, i => i < 20 ? "common" : $"rare{i % 20}")]), ["c"], new MonitoringConfig());
        // 35 current rows, a reference where one category holds nearly everything: nothing but it expects 5 rows.
        var thinReference = new DataTable([Text(1000, i => i < 990 ? "common" : $"rare{i % 10}")]);
        var thin = DriftDetector.Detect(thinReference, new DataTable([Text(35, _ => "common")]), ["c"], new MonitoringConfig());

        Assert.Equal(("chi_square", FeatureDrift.Judged), (pooled.Features[0].Test, pooled.Features[0].Status));
        Assert.NotNull(pooled.Features[0].PValue);
        Assert.Equal(FeatureDrift.InsufficientData, thin.Features[0].Status);
        Assert.Contains("chi_square needs two categories expected at least 5 current rows each", thin.Features[0].Reason);
    }

    [Fact]
    public void Detect_BenjaminiHochberg_FlagsMoreThanBonferroniAtTheSameLevel()
    {
        // Five columns, four with shifts of rising size: Bonferroni divides 0.05 by 5; BH steps up.
        var names = new[] { "a", "b", "c", "d", "e" };
        var shifts = new[] { 0.0, 0.06, 0.08, 0.1, 0.3 };
        var reference = Numbers(names.Select((n, i) => (n, Uniform(400, 10 + i))).ToArray());
        var current = Numbers(names.Select((n, i) => (n, Uniform(400, 20 + i, shifts[i]))).ToArray());

        var bonferroni = DriftDetector.Detect(reference, current, names, new MonitoringConfig());
        var bh = DriftDetector.Detect(reference, current, names, new MonitoringConfig { Correction = "bh" });

        var p = bh.Features.Select(f => f.PValue!.Value).ToArray();
        var sorted = p.Order().ToArray();
        var k = Enumerable.Range(1, 5).LastOrDefault(r => sorted[r - 1] <= r * 0.05 / 5);
        Assert.All(bh.Features, f => Assert.Equal(f.PValue <= Math.Max(k, 1) * 0.05 / 5 && k > 0, f.Drifted));
        Assert.All(bonferroni.Features, f => Assert.Equal(f.PValue < 0.01, f.Drifted));
        Assert.True(bh.Features.Count(f => f.Drifted) >= bonferroni.Features.Count(f => f.Drifted));
        Assert.Equal("bh", bh.Correction);
    }

    [Fact]
    public void Detect_EveryJudgedColumn_ReportsPsiAndItsBand()
    {
        var report = DriftDetector.Detect(Numbers(("x", Uniform(2000, 1)), ("y", Uniform(2000, 3))), Numbers(("x", Uniform(2000, 2, 0.5)), ("y", Uniform(2000, 4))), ["x", "y"], new MonitoringConfig());

        Assert.Equal("major", report.Features[0].PsiBand);
        Assert.Equal("stable", report.Features[1].PsiBand);
        Assert.All(report.Features, f => Assert.Equal(PopulationStabilityIndex.Classify(f.Psi!.Value).ToString().ToLowerInvariant(), f.PsiBand));
    }

    [Fact]
    public void Detect_LargeSamples_SortLikeArraySort()
    {
        // Above the radix sort's cut-over, with negatives, zeros of both signs, infinities and NaN.
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(i => i % 97 == 0 ? double.NaN : i % 89 == 0 ? double.NegativeInfinity : i % 83 == 0 ? -0.0 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 6))).ToArray();
        var shifted = values.Select(v => v + 0.001).ToArray();
        var plain = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        var plainShifted = shifted.Where(v => !double.IsNaN(v)).Order().ToArray();

        var ks = KolmogorovSmirnov.TwoSample(values, shifted);

        Assert.Equal(Naive(plain, plainShifted), ks.Statistic, 15);
    }

    // The KS statistic from sorted arrays by counting, for checking the sorted path.
    private static double Naive(double[] a, double[] b)
    {
        var points = a.Concat(b).Distinct().ToArray();
        return points.Max(x => Math.Abs((a.Count(v => v <= x) / (double)a.Length) - (b.Count(v => v <= x) / (double)b.Length)));
    }
}
