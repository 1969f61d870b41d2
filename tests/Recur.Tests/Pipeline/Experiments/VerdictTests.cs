using Recur.Pipeline.Experiments;

namespace Recur.Tests.Pipeline.Experiments;

/// <summary>The verdict reads the paired interval of the gain over the control.</summary>
public sealed class VerdictTests
{
    [Theory]
    [InlineData(0.001, 0.02, Verdict.Better)]
    [InlineData(-0.02, -0.001, Verdict.Worse)]
    [InlineData(-0.01, 0.01, Verdict.NoClearDifference)]
    [InlineData(0.0, 0.01, Verdict.NoClearDifference)]
    [InlineData(double.NaN, 0.01, Verdict.NoClearDifference)]
    public void Of_Interval_IsTheVerdictInWords(double low, double high, string expected)
    {
        Assert.Equal(expected, Verdict.Of(low, high));
    }
}
