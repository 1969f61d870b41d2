using Recur.Core.Statistics;

namespace Recur.Tests.Core.Statistics;

public sealed class WilsonIntervalTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    public void Of_KnownCounts_MatchesTheTextbookValues(int successes, int trials, double low, double high)
    {
        var (l, h) = WilsonInterval.Of(successes, trials);

        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Of_NoTrials_IsTheWholeRange()
    {
        Assert.Equal((0.0, 1.0), WilsonInterval.Of(0, 0));
    }
}
