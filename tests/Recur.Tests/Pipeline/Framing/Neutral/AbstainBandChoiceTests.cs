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
    public void Choose_MixedMiddle_AbstainsOnTheFewestRowsThatReachTheTarget()
    {
        var (scores, labels) = Rows();

        var band = AbstainBandChoice.Choose(scores, labels, 0.5, 0.9, 10, "validation rows");

        Assert.True(band.Low <= 0.5 && 0.5 <= band.High);
        var decided = Enumerable.Range(0, 100).Where(i => !band.Contains(scores[i])).ToList();
        Assert.True(decided.Count(i => (scores[i] >= band.High) == labels[i]) >= 0.9 * decided.Count);
        // No band abstaining on fewer rows reaches 0.9 (every pair of cuts tried by brute force).
        var inside = 100 - decided.Count;
        for (var lo = 0; lo <= 50; lo++)
        {
            for (var hi = 50; hi <= 100; hi++)
            {
                if (hi - lo >= inside || lo < 10 || 100 - hi < 10) continue;
                var rest = Enumerable.Range(0, 100).Where(i => i < lo || i >= hi).ToList();
                Assert.True(rest.Count(i => (i >= hi) == labels[i]) < 0.9 * rest.Count, $"[{lo}, {hi}) abstains on fewer rows");
            }
        }
    }

    [Fact]
    public void Choose_UnreachableTarget_NamesKeyAndBestPrecision()
    {
        var (scores, labels) = Rows();
        labels[99] = labels[98] = labels[97] = false;

        var e = Assert.Throws<RecurException>(() => AbstainBandChoice.Choose(scores, labels, 0.5, 0.99, 40, "validation rows"));

        Assert.Equal("framing.neutral.target_precision", e.Field);
        Assert.Contains("0.99 cannot be reached on the 100 validation rows", e.Message);
        Assert.Contains("with at least 40 decided rows on each side, is 0.83", e.Message);
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
