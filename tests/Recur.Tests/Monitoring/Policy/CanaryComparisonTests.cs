using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Monitoring.Policy;

namespace Recur.Tests.Monitoring.Policy;

public sealed class CanaryComparisonTests
{
    private static double[] Losses(int n, double mean, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => mean + ((random.NextDouble() - 0.5) * 0.1))];
    }

    [Fact]
    public void Compare_CandidateClearlyWorse_RollsBack()
    {
        var verdict = CanaryComparison.Compare(Losses(200, 0.30, 1), Losses(200, 0.20, 2), "brier", 30, 0);

        Assert.Equal(CanaryOutcome.RollBack, verdict.Outcome);
        Assert.True(verdict.Low > 0);
        Assert.Contains("Welch", verdict.Why);
    }

    [Fact]
    public void Compare_NoDifference_Promotes()
    {
        var verdict = CanaryComparison.Compare(Losses(200, 0.20, 1), Losses(200, 0.20, 2), "brier", 30, 0);

        Assert.Equal(CanaryOutcome.Promote, verdict.Outcome);
        Assert.InRange(0, verdict.Low, verdict.High);
    }

    [Fact]
    public void Compare_WorseWithinTolerance_Promotes()
    {
        var verdict = CanaryComparison.Compare(Losses(200, 0.22, 1), Losses(200, 0.20, 2), "brier", 30, 0.05);

        Assert.Equal(CanaryOutcome.Promote, verdict.Outcome);
    }

    [Fact]
    public void Compare_TooFewRows_IsInsufficient()
    {
        var verdict = CanaryComparison.Compare(Losses(5, 0.9, 1), Losses(200, 0.1, 2), "brier", 30, 0);

        Assert.Equal(CanaryOutcome.Insufficient, verdict.Outcome);
        Assert.Contains("needs 30 on each side", verdict.Why);
    }

    [Fact]
    public void Compare_KnownSamples_MatchesTheWelchInterval()
    {
        // Means 2 and 1, sample variances 2.5 and 2.5 (n = 5): se = sqrt(0.5 + 0.5) = 1.
        var verdict = CanaryComparison.Compare([0, 1, 2, 3, 4], [-1, 0, 1, 2, 3], "mae", 2, 0);

        Assert.Equal(1.0, verdict.Difference, 12);
        Assert.Equal(1 - 1.959963984540054, verdict.Low, 12);
        Assert.Equal(1 + 1.959963984540054, verdict.High, 12);
    }

    [Fact]
    public void Loss_ByTask_IsBrierErrorOrAbsoluteError()
    {
        LabelledPrediction Row(string label, double score, string truth) =>
            new(new PredictionRecord("k", "m", 1, DateTimeOffset.UnixEpoch, "{}", label, score), truth);

        Assert.Equal(0.04, CanaryLoss.Of(ModelTask.Binary, "bad", Row("bad", 0.8, "bad")), 12);
        Assert.Equal(1, CanaryLoss.Of(ModelTask.Multiclass, "", Row("a", 0.9, "b")));
        Assert.Equal(2.5, CanaryLoss.Of(ModelTask.Regression, "", Row("", 10, "12.5")));
        Assert.True(double.IsNaN(CanaryLoss.Of(ModelTask.Regression, "", Row("", 10, "n/a"))));
    }
}
