using Recur.Monitoring.Drift;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>
/// Recur's drift statistics against values computed once with scipy 1.10.1 (numpy 1.24.2) by scipy_values.py beside
/// this file, on the same samples: integer formulas that give identical doubles in both languages. Every value must
/// agree to a relative 1e-9. ks_2samp's p-value: Recur computes the asymptotic one ('asymp') at every size; scipy's
/// default 'auto' uses it above 10,000 values per side, so the small cases were generated with method='asymp' and the
/// large one with the default.
/// </summary>
public sealed class ScipyAgreementTests
{
    private const double Tolerance = 1e-9;

    private static double[] Reference(int n) => Enumerable.Range(0, n).Select(i => (((long)i * 7919 % 1000) / 10.0) + (i % 7 * 0.25)).ToArray();

    private static double[] Current(int m) => Enumerable.Range(0, m).Select(j => (((long)j * 104729 % 997) / 10.0) + 3.0).ToArray();

    [Theory]
    [InlineData(40, 30, 0.175, 0.6139535492873687, 7.384583333333334)] // ks_2samp method=asymp
    [InlineData(300, 200, 0.026666666666666672, 0.9999850291633905, 0.9013333333333331)] // ks_2samp method=asymp
    [InlineData(12000, 11000, 0.02266666666666667, 0.005409749444166519, 2.0712678030303033)] // ks_2samp method=auto (asymp)
    public void NumericStatistics_SameSamples_AgreeWithScipy(int n, int m, double ksStatistic, double ksPValue, double wasserstein)
    {
        var (reference, current) = (Reference(n), Current(m));

        var ks = KolmogorovSmirnov.TwoSample(reference, current);

        Close(ksStatistic, ks.Statistic);
        Close(ksPValue, ks.PValue);
        Close(wasserstein, Wasserstein.Distance(reference, current));
    }

    [Fact]
    public void CategoricalStatistics_SameCounts_AgreeWithScipy()
    {
        var reference = new Dictionary<string, long> { ["a"] = 120, ["b"] = 80, ["c"] = 45, ["d"] = 30, ["e"] = 25 };
        var current = new Dictionary<string, long> { ["a"] = 90, ["b"] = 95, ["c"] = 40, ["d"] = 50, ["e"] = 25 };

        var chi = ChiSquare.Homogeneity(reference, current);

        Close(24.20138888888889, chi.Statistic);
        Close(7.278292298822396e-05, chi.PValue);
        Close(0.09546126361099078, JensenShannon.Distance(reference, current));
    }

    [Fact]
    public void Detect_EveryTestOnRawRows_ReportsTheScipyValues()
    {
        var table = (double[] values) => new Recur.Core.Data.DataTable([new Recur.Core.Data.NumericColumn(new("x", Recur.Core.Data.ColumnType.Real), values)]);

        var report = DriftDetector.Detect(table(Reference(12000)), table(Current(11000)), ["x"], new(), everyTest: true);

        var ks = Assert.Single(report.Features[0].Statistics!, s => s.Test == "ks");
        Close(0.02266666666666667, ks.Statistic);
        Close(0.005409749444166519, ks.PValue!.Value);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R} (relative gap {Math.Abs(expected - actual) / Math.Abs(expected):E2})");
}
