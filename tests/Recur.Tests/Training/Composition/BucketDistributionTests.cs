using Recur.Training.Composition;

namespace Recur.Tests.Training.Composition;

public sealed class BucketDistributionTests
{
    // Buckets < 10, [10, 20), >= 20 over training values from 0 to 30, represented by their training means.
    private static readonly BucketSpec Spec = new([10, 20], ["b00", "b01", "b02"], [4, 16, 25], 0, 30, 0.5);

    [Fact]
    public void Quantile_MassInTwoBuckets_InterpolatesWithinTheBucket()
    {
        double[] p = [0.5, 0.5, 0];

        Assert.Equal(5, BucketDistribution.Quantile(Spec, p, 0.25), 9);
        Assert.Equal(15, BucketDistribution.Quantile(Spec, p, 0.75), 9);
        Assert.Equal((5, 15), BucketDistribution.Interval(Spec, p, 0.5));
    }

    [Fact]
    public void Expected_Probabilities_WeightTheBucketMeans()
    {
        Assert.Equal(0.5 * 4 + 0.25 * 16 + 0.25 * 25, BucketDistribution.Expected(Spec, [0.5, 0.25, 0.25]), 12);
    }

    [Fact]
    public void Interval_AllMassInTheLastBucket_SpansItToTheTrainingMaximum()
    {
        var (low, high) = BucketDistribution.Interval(Spec, [0, 0, 1], 0.9);

        Assert.Equal(20.5, low, 9);
        Assert.Equal(29.5, high, 9);
    }

    [Fact]
    public void Name_EachBucket_ReadsAsItsRange()
    {
        Assert.Equal(["< 10", "[10, 20)", ">= 20"], Enumerable.Range(0, Spec.Count).Select(Spec.Name));
        Assert.Equal([0, 1, 1, 2], new[] { 9.99, 10, 19.5, 20 }.Select(Spec.BucketOf));
    }

    [Fact]
    public void Probability_ThresholdSpec_RisesWithThePredictionAndNeverReachesZeroOrOne()
    {
        var spec = new ThresholdSpec(10, [-2, -1, 0, 1, 2]);

        var p = new[] { 0.0, 8, 9.5, 10, 10.5, 12, 30 }.Select(spec.Probability).ToArray();

        Assert.Equal(p.Order(), p);
        Assert.True(p[0] > 0 && p[^1] < 1);
        Assert.Equal(0.5, spec.Probability(10), 9);
    }

    [Fact]
    public void Keep_ManyResiduals_KeepsSortedOrderStatisticsWithTheExtremes()
    {
        var kept = ThresholdSpec.Keep(Enumerable.Range(0, 10_000).Select(i => (double)(9_999 - i)));

        Assert.Equal(ThresholdSpec.MaxResiduals, kept.Count);
        Assert.Equal((0.0, 9_999.0), (kept[0], kept[^1]));
        Assert.Equal(kept.Order(), kept);
    }
}
