using Recur.Evaluation.Curves;
using Recur.Evaluation.Metrics;
using Xunit;

namespace Recur.Tests.Evaluation.Curves;

public class CurvesTests
{
    // 40 rows drawn once with numpy (seed 7); the expected values come from scikit-learn 1.2's
    // calibration_curve(n_bins=10) and brier_score_loss, and the ECE from the same bins.
    private static readonly double[] Scores = [0.63, 0.9, 0.78, 0.23, 0.3, 0.87, 0.01, 0.82, 0.8, 0.47, 0.3, 0.28, 0.25, 0.45, 0.5, 0.55, 1.0, 0.79, 0.62, 0.99, 0.22, 0.16, 0.61, 0.04, 0.04, 0.51, 0.47, 0.92, 0.63, 0.51, 0.5, 0.25, 0.01, 0.19, 0.69, 0.2, 0.37, 0.0, 0.83, 0.15];
    private static readonly bool[] Labels = [.. new[] { 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1 }.Select(v => v == 1)];

    [Fact]
    public void ReliabilityCurve_SmallSample_MatchesScikitLearnCalibrationCurve()
    {
        var curve = ReliabilityCurve.Compute(Scores, Labels, seed: 1);

        Assert.Equal([0.0, 0.25, 0.142857, 0.0, 0.6, 1.0, 0.4, 1.0, 1.0, 1.0], curve.Bins.Select(b => Math.Round(b.ObservedRate, 6)));
        Assert.Equal([0.02, 0.175, 0.261429, 0.37, 0.478, 0.523333, 0.636, 0.79, 0.855, 0.97], curve.Bins.Select(b => Math.Round(b.MeanScore, 6)));
        Assert.Equal(0.138745, curve.Brier, 6);
        Assert.Equal(0.153, curve.Ece, 9);
        Assert.InRange(curve.Ece, curve.EceLow, curve.EceHigh);
        Assert.InRange(curve.Brier, curve.BrierLow, curve.BrierHigh);
        Assert.All(curve.Bins, b => Assert.InRange(b.ObservedRate, b.ObservedLow, b.ObservedHigh));
    }

    [Fact]
    public void ReliabilityCurve_SameSeed_SameIntervals()
    {
        var a = ReliabilityCurve.Compute(Scores, Labels, seed: 3);
        var b = ReliabilityCurve.Compute(Scores, Labels, seed: 3);
        Assert.Equal((a.EceLow, a.EceHigh, a.BrierLow), (b.EceLow, b.EceHigh, b.BrierLow));
    }

    [Fact]
    public void ReliabilityCurve_ScoreOutsideUnitInterval_NamesTheRow()
    {
        var error = Assert.Throws<ArgumentException>(() => ReliabilityCurve.Compute([0.2, 1.5], [true, false], 1));
        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void ThresholdCurve_Ties_CrossTogetherAndEndAtOneOne()
    {
        var curve = ThresholdCurve.Compute([0.9, 0.8, 0.8, 0.1], [true, true, false, false]);

        Assert.Equal([(0.0, 0.0), (0.0, 0.5), (0.5, 1.0), (1.0, 1.0)], curve.Points.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)));
        Assert.Equal(2.0 / 3, curve.At(0.8).Precision, 12);
        Assert.Equal(1.0, curve.At(0.85).Precision);
    }

    [Fact]
    public void ThresholdCurve_ManyDistinctScores_ThinnedButKeepsEnds()
    {
        var random = new Random(5);
        var scores = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var labels = scores.Select(s => random.NextDouble() < s).ToArray();

        var curve = ThresholdCurve.Compute(scores, labels, maxPoints: 100);

        Assert.InRange(curve.Points.Count, 10, 400);
        Assert.Equal((0.0, 0.0), (curve.Points[0].FalsePositiveRate, curve.Points[0].TruePositiveRate));
        Assert.Equal((1.0, 1.0), (curve.Points[^1].FalsePositiveRate, curve.Points[^1].TruePositiveRate));
    }

    [Fact]
    public void ResidualAnalysis_ErrorGrowsWithTarget_LastRangeHasLargestError()
    {
        var actual = Enumerable.Range(1, 500).Select(i => (double)i).ToArray();
        var predicted = actual.Select(a => a * 0.9).ToArray();

        var analysis = ResidualAnalysis.Compute(predicted, actual, seed: 2, samplePoints: 100);

        Assert.Equal(100, analysis.Sample.Count);
        Assert.Equal(5, analysis.ByTargetRange.Count);
        Assert.Equal(500, analysis.ByTargetRange.Sum(r => r.Count));
        Assert.True(analysis.ByTargetRange[^1].Mae > analysis.ByTargetRange[0].Mae * 5);
        Assert.All(analysis.ByTargetRange, r => Assert.InRange(r.Mae, r.MaeLow, r.MaeHigh));
        Assert.All(analysis.ByTargetRange, r => Assert.True(r.Bias > 0));
    }
}
