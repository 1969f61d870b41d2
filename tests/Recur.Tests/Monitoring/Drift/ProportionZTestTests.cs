using System.Text.Json;
using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class ProportionZTestTests
{
    private static readonly JsonElement Proportion = Golden.Load("drift_proportion.json");

    public static TheoryData<int> CaseIndexes() => Golden.Indexes(Proportion.GetProperty("cases"));

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void TwoSample_GoldenCase_MatchesScipyNormal(int index)
    {
        JsonElement golden = Proportion.GetProperty("cases")[index];

        StatisticResult result = ProportionZTest.TwoSample(
            golden.GetProperty("successes_ref").GetInt64(),
            golden.GetProperty("n_ref").GetInt64(),
            golden.GetProperty("successes_cur").GetInt64(),
            golden.GetProperty("n_cur").GetInt64());

        Golden.AssertClose(golden.GetProperty("statistic").GetDouble(), result.Statistic, 1e-12, 1e-15, "z");
        Golden.AssertClose(golden.GetProperty("pvalue").GetDouble(), result.PValue, 1e-6, 1e-300, "p-value");
    }

    [Theory]
    [InlineData(0, 40, 0, 60)]
    [InlineData(40, 40, 60, 60)]
    public void TwoSample_NoVariation_StatisticZeroAndPValueOne(long successesRef, long nRef, long successesCur, long nCur)
    {
        Assert.Equal(new StatisticResult(0.0, 1.0), ProportionZTest.TwoSample(successesRef, nRef, successesCur, nCur));
    }

    [Fact]
    public void TwoSample_ZeroReferenceSize_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => ProportionZTest.TwoSample(0, 0, 1, 10));

        Assert.Equal("nRef", exception.ParamName);
    }

    [Fact]
    public void TwoSample_SuccessesAboveSize_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => ProportionZTest.TwoSample(1, 10, 11, 10));

        Assert.Equal("successesCur", exception.ParamName);
    }
}
