using Recur.Core;
using Recur.Pipeline.Framing.Neutral;

namespace Recur.Tests.Pipeline.Framing.Neutral;

public sealed class AbstainBandChoiceTests
{
    // 100 rows with scores 0.00 … 0.99; the truth is positive above 0.7, negative below 0.3, and alternates in between.
    private static (double[] Scores, bool[] Labels) Rows()
    {
        var scores = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var labels = scores.Select((s, i) => s >= 0.7 || (s >= 0.3 && i % 2 == 0)).ToArray();
        return (scores, labels);
    }

    [Fact]
    public void Choose_MixedMiddle_BandReachesTargetOnBothSides()
    {
        var (scores, labels) = Rows();

        var band = AbstainBandChoice.Choose(scores, labels, 0.5, 0.9, 10, "validation rows");

        var positive = Enumerable.Range(0, 100).Where(i => scores[i] >= band.High).ToList();
        var negative = Enumerable.Range(0, 100).Where(i => scores[i] < band.Low).ToList();
        Assert.True(positive.Count(i => labels[i]) >= 0.9 * positive.Count);
        Assert.True(negative.Count(i => !labels[i]) >= 0.9 * negative.Count);
        Assert.InRange(band.Low, 0.3, 0.5);
        Assert.InRange(band.High, 0.5, 0.7);
        // The narrowest: one step further in on either side misses the target.
        var wider = Enumerable.Range(0, 100).Where(i => scores[i] >= band.High - 0.01).ToList();
        Assert.True(wider.Count(i => labels[i]) < 0.9 * wider.Count);
    }

    [Fact]
    public void Choose_UnreachableTarget_NamesKeyAndBestPrecision()
    {
        var (scores, labels) = Rows();
        labels[99] = labels[98] = labels[97] = false;

        var e = Assert.Throws<RecurException>(() => AbstainBandChoice.Choose(scores, labels, 0.5, 0.99, 40, "validation rows"));

        Assert.Equal("framing.neutral.target_precision", e.Field);
        Assert.Contains("0.99 cannot be reached on the 100 validation rows", e.Message);
        Assert.Contains("positive (precision) side", e.Message);
    }

    [Fact]
    public void Choose_TargetReachedWithoutAbstaining_SaysNoRowFellInside()
    {
        var scores = Enumerable.Range(0, 100).Select(i => i / 100.0).ToArray();
        var labels = scores.Select(s => s >= 0.5).ToArray();

        var e = Assert.Throws<RecurException>(() => AbstainBandChoice.Choose(scores, labels, 0.5, 0.9, 10, "validation rows"));

        Assert.Contains("0 of 100 validation rows would fall inside the band", e.Message);
    }
}
