using Recur.Monitoring.Drift;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>
/// Recur's drift statistics against values computed once with scipy 1.10.1 (numpy 1.24.2) by scipy_values.py beside
/// this file, on the same samples: integer formulas that give identical doubles in both languages. Every value must
/// agree to a relative 1e-9. ks_2samp's p-value: <see cref="KolmogorovSmirnov.TwoSample"/> is always the asymptotic one
/// (checked against method='asymp', and against the default above 10,000 values per side, where 'auto' is 'asymp');
/// <see cref="KolmogorovSmirnov.TwoSampleAuto"/>, which the drift detector uses on raw rows, follows scipy's default
/// and is exact up to 10,000 values per side.
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

    [Theory]
    [InlineData(40, 30, 0, 0.175, 0.6182530877166545)] // ks_2samp method=auto (exact)
    [InlineData(300, 200, 0, 0.02666666666666667, 0.9999895070912629)] // ks_2samp method=auto (exact)
    [InlineData(50, 50, 0, 0.06, 0.9999952562961608)] // ks_2samp method=auto (exact)
    [InlineData(2000, 1500, 0, 0.0225, 0.7706238371666599)] // ks_2samp method=auto (exact)
    [InlineData(300, 200, 12, 0.14833333333333334, 0.009407232626032385)] // ks_2samp method=auto (exact)
    [InlineData(120, 120, 15, 0.175, 0.05052186910167745)] // ks_2samp method=auto (exact)
    public void TwoSampleAuto_UpTo10000Values_AgreesWithScipysExactPValue(int n, int m, double shift, double statistic, double pValue)
    {
        var ks = KolmogorovSmirnov.TwoSampleAuto(Reference(n), Current(m).Select(v => v + shift).ToArray());

        Close(statistic, ks.Statistic);
        Close(pValue, ks.PValue);
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
