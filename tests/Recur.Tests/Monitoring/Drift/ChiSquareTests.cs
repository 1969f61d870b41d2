using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class ChiSquareTests
{
    [Fact]
    public void Homogeneity_SingleCategory_StatisticZeroAndPValueOne()
    {
        StatisticResult result = ChiSquare.Homogeneity(
            new Dictionary<string, long> { ["only"] = 10 },
            new Dictionary<string, long> { ["only"] = 25 });

        Assert.Equal(new StatisticResult(0.0, 1.0), result);
    }

    [Fact]
    public void Homogeneity_CategoryUnseenInReference_IsStrongDrift()
    {
        StatisticResult result = ChiSquare.Homogeneity(
            new Dictionary<string, long> { ["a"] = 500, ["b"] = 500 },
            new Dictionary<string, long> { ["a"] = 480, ["b"] = 500, ["new"] = 20 });

        Assert.True(double.IsFinite(result.Statistic));
        Assert.True(result.PValue < 1e-10);
    }

    [Fact]
    public void Homogeneity_NegativeCount_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => ChiSquare.Homogeneity(
            new Dictionary<string, long> { ["a"] = 5 },
            new Dictionary<string, long> { ["a"] = -1, ["b"] = 3 }));

        Assert.Equal("currentCounts", exception.ParamName);
    }

    [Fact]
    public void Homogeneity_EmptyReference_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => ChiSquare.Homogeneity(
            new Dictionary<string, long>(),
            new Dictionary<string, long> { ["a"] = 3 }));

        Assert.Equal("referenceCounts", exception.ParamName);
    }
}
