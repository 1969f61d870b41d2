using Recur.Pipeline.Framing.Rebalance;

namespace Recur.Tests.Pipeline.Framing.Rebalance;

public sealed class ClassSamplingTests
{
    // 90 rows of class 0, 10 of class 1 (every tenth row).
    private static readonly int[] Classes = [.. Enumerable.Range(0, 100).Select(i => i % 10 == 0 ? 1 : 0)];

    [Fact]
    public void InverseFrequency_NinetyTen_GivesEachClassTheSameTotalWeight()
    {
        var w = ClassSampling.InverseFrequency([90, 10]);

        Assert.Equal(90 * w[0], 10 * w[1], 9);
        Assert.Equal(100, 90 * w[0] + 10 * w[1], 9);
    }

    [Fact]
    public void Downsample_RatioTwo_KeepsEveryMinorityRowAndTwiceAsManyMajorityRows()
    {
        var kept = ClassSampling.Downsample(Classes, 2, 2, 5);

        Assert.Equal(10, kept.Count(i => Classes[i] == 1));
        Assert.Equal(20, kept.Count(i => Classes[i] == 0));
        Assert.Equal(kept.Order(), kept);
        Assert.Equal(kept.Distinct().Count(), kept.Count);
    }

    [Fact]
    public void Downsample_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        Assert.Equal(ClassSampling.Downsample(Classes, 2, 1, 5), ClassSampling.Downsample(Classes, 2, 1, 5));
        Assert.NotEqual(ClassSampling.Downsample(Classes, 2, 1, 5), ClassSampling.Downsample(Classes, 2, 1, 6));
    }

    [Fact]
    public void Upsample_RatioThree_DuplicatesMinorityRowsToAThirdOfTheMajority()
    {
        var rows = ClassSampling.Upsample(Classes, 2, 3, 5);

        Assert.Equal(90, rows.Count(i => Classes[i] == 0));
        Assert.Equal(30, rows.Count(i => Classes[i] == 1));
        Assert.All(Enumerable.Range(0, 100), i => Assert.Contains(i, rows));
    }

    [Fact]
    public void Upsample_Balanced_CopiesWholeThenDrawsTheRest()
    {
        var rows = ClassSampling.Upsample([0, 0, 0, 0, 0, 0, 0, 1, 1], 2, 1, 1);

        // 7 majority rows: each of the 2 minority rows 3 times, then 1 of them once more.
        Assert.Equal(7, rows.Count(i => i >= 7));
        Assert.InRange(rows.Count(i => i == 7), 3, 4);
    }
}
