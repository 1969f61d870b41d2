using System.Text.Json;
using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class KolmogorovDistributionTests
{
    private static readonly JsonElement Grid = Golden.Load("drift_kolmogorov.json");

    [Fact]
    public void Survival_GoldenGridCoveringEveryAlgorithm_MatchesScipyKstwo()
    {
        foreach (JsonElement point in Grid.GetProperty("cases").EnumerateArray())
        {
            int n = point.GetProperty("n").GetInt32();
            double d = point.GetProperty("d").GetDouble();

            double survival = KolmogorovDistribution.Survival(n, d);

            Golden.AssertClose(Golden.Number(point.GetProperty("sf")), survival, 1e-6, 1e-300, $"kstwo.sf({d:R}, {n})");
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-0.5, 1.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(1.5, 0.0)]
    public void Survival_StatisticOutsideOpenUnitInterval_ReturnsBoundary(double statistic, double expected)
    {
        Assert.Equal(expected, KolmogorovDistribution.Survival(25, statistic));
    }

    [Fact]
    public void Survival_NonPositiveSampleSize_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => KolmogorovDistribution.Survival(0, 0.3));

        Assert.Equal("sampleSize", exception.ParamName);
    }

    [Fact]
    public void Survival_NaNStatistic_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => KolmogorovDistribution.Survival(10, double.NaN));

        Assert.Equal("statistic", exception.ParamName);
    }
}
