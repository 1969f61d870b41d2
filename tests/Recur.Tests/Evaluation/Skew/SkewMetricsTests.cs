using Recur.Evaluation.Skew;

namespace Recur.Tests.Evaluation.Skew;

public sealed class SkewMetricsTests
{
    // Ten rows, best score first: positives at ranks 1, 2, 4 and 7.
    private static readonly double[] Scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1];
    private static readonly bool[] Labels = [true, true, false, true, false, false, true, false, false, false];

    [Fact]
    public void FBeta_BetaOne_IsF1()
    {
        Assert.Equal(2 * 0.5 * 0.8 / 1.3, SkewMetrics.FBeta(0.5, 0.8, 1), 12);
        Assert.Equal(0, SkewMetrics.FBeta(0, 0, 2));
    }

    [Fact]
    public void FBetaAt_ThresholdSeventy_CountsRowsAtOrAbove()
    {
        // At 0.7: tp 3, fp 1, fn 1 → precision 0.75, recall 0.75.
        Assert.Equal(SkewMetrics.FBeta(0.75, 0.75, 2), SkewMetrics.FBetaAt(Scores, Labels, 0.7, 2), 12);
    }

    [Fact]
    public void RecallAtPrecision_PrecisionPointSeven_TakesTheDeepestThresholdReachingIt()
    {
        // Precision ≥ 0.7 holds down to 0.7 (3 of 4); at 0.4 it is 4 of 7.
        var (threshold, recall) = SkewMetrics.RecallAtPrecision(Scores, Labels, 0.7);

        Assert.Equal(0.7, threshold);
        Assert.Equal(0.75, recall, 12);
    }

    [Fact]
    public void RecallAtPrecision_Unreachable_IsZeroAtInfinity()
    {
        var (threshold, recall) = SkewMetrics.RecallAtPrecision([0.9, 0.1], [false, true], 0.9);

        Assert.Equal(0, recall);
        Assert.True(double.IsPositiveInfinity(threshold));
    }

    [Fact]
    public void BestFBeta_BetaTwo_PrefersTheThresholdThatCatchesEveryPositive()
    {
        var (threshold, f) = SkewMetrics.BestFBeta(Scores, Labels, 2);

        // At 0.4 recall is 1 and precision 4/7: F2 = 5·(4/7)/(4·4/7 + 1) ≈ 0.8696, above 0.7's 0.75.
        Assert.Equal(0.4, threshold);
        Assert.Equal(5 * (4.0 / 7) / (4 * 4.0 / 7 + 1), f, 12);
    }

    [Fact]
    public void AddTo_SkewedRows_AddsEveryKeyWithAnIntervalAroundTheValue()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() < 0.08).ToArray();
        var scores = labels.Select(l => Math.Clamp((l ? 0.6 : 0.3) + (random.NextDouble() - 0.5) * 0.6, 0, 1)).ToArray();
        var metrics = new Dictionary<string, double>();

        metrics["pr_auc"] = Recur.Evaluation.Metrics.BinaryMetrics.Compute(scores, labels, 0.5).PrAuc;
        SkewMetrics.AddTo(metrics, scores, labels, 0.5, SkewSettings.Default, 11);

        foreach (var name in new[] { "f_beta", "recall_at_precision", "pr_auc" })
        {
            Assert.InRange(metrics[name], metrics[name + "_low"], metrics[name + "_high"]);
            Assert.True(metrics[name + "_high"] > metrics[name + "_low"], name);
        }
        Assert.Equal(2, metrics["beta"]);
        Assert.InRange(metrics["minority_rate"], 0.05, 0.11);
    }

    [Fact]
    public void Applies_MinorityAtThirtyPercent_IsFalseBelowTwentyTrue()
    {
        Assert.False(SkewSettings.Default.Applies([true, true, true, false, false, false, false, false, false, false]));
        Assert.True(SkewSettings.Default.Applies([true, false, false, false, false, false, false, false, false, false]));
        Assert.False(SkewSettings.Default.Applies([false, false]));
    }
}
