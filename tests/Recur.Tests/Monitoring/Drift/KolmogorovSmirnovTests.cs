using System.Text.Json;
using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class KolmogorovSmirnovTests
{
    private static readonly JsonElement Numeric = Golden.Load("drift_numeric.json");

    public static TheoryData<int> PairIndexes() => Golden.Indexes(Numeric.GetProperty("pairs"));

    [Theory]
    [MemberData(nameof(PairIndexes))]
    public void TwoSample_GoldenPair_MatchesScipyAsymp(int index)
    {
        JsonElement pair = Numeric.GetProperty("pairs")[index];
        double[] reference = Golden.Numbers(Numeric.GetProperty("samples").GetProperty(pair.GetProperty("reference").GetString()!));
        double[] current = Golden.Numbers(Numeric.GetProperty("samples").GetProperty(pair.GetProperty("current").GetString()!));

        StatisticResult result = KolmogorovSmirnov.TwoSample(reference, current);

        Golden.AssertClose(pair.GetProperty("ks_statistic").GetDouble(), result.Statistic, 1e-12, 1e-15, "statistic");
        Golden.AssertClose(pair.GetProperty("ks_pvalue").GetDouble(), result.PValue, 1e-6, 1e-300, "p-value");
    }

    [Fact]
    public void TwoSample_IdenticalSamples_StatisticZeroAndPValueOne()
    {
        double[] sample = [3.0, 1.0, 2.0, 2.0, 5.0, 8.0, 13.0];

        StatisticResult result = KolmogorovSmirnov.TwoSample(sample, sample);

        Assert.Equal(0.0, result.Statistic);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void TwoSample_NaNValues_AreIgnored()
    {
        double[] reference = [0.1, 0.4, 0.4, 0.9, 1.3, 2.0, 2.2];
        double[] current = [0.5, 0.7, 1.1, 1.1, 2.5, 3.0];
        double[] referenceWithNaN = [double.NaN, 0.1, 0.4, double.NaN, 0.4, 0.9, 1.3, 2.0, 2.2];
        double[] currentWithNaN = [0.5, 0.7, double.NaN, 1.1, 1.1, 2.5, 3.0, double.NaN];

        Assert.Equal(KolmogorovSmirnov.TwoSample(reference, current), KolmogorovSmirnov.TwoSample(referenceWithNaN, currentWithNaN));
    }

    [Fact]
    public void TwoSample_DisjointSamples_StatisticOne()
    {
        StatisticResult result = KolmogorovSmirnov.TwoSample([1.0, 2.0, 3.0, 4.0], [10.0, 11.0, 12.0]);

        Assert.Equal(1.0, result.Statistic);
        Assert.InRange(result.PValue, 0.0, 0.05);
    }

    [Fact]
    public void TwoSample_EmptyReference_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0]));

        Assert.Equal("reference", exception.ParamName);
    }

    [Fact]
    public void TwoSample_AllNaNCurrent_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([1.0, 2.0], [double.NaN]));

        Assert.Equal("current", exception.ParamName);
    }

    [Fact]
    public void TwoSample_MillionRowSamples_DetectsOnePercentStretch()
    {
        var random = new Random(7);
        double[] reference = Enumerable.Range(0, 1_000_000).Select(_ => random.NextDouble()).ToArray();
        double[] current = Enumerable.Range(0, 1_000_000).Select(_ => random.NextDouble() * 1.01).ToArray();
        StatisticResult result = KolmogorovSmirnov.TwoSample(reference, current);

        Assert.InRange(result.PValue, 0.0, 1e-6);
    }
}
