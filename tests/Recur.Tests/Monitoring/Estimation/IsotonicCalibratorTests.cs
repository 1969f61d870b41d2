using Recur.Monitoring.Estimation;

namespace Recur.Tests.Monitoring.Estimation;

public sealed class IsotonicCalibratorTests
{
    // Each reference score repeated MinBlock times, so no block is pooled for being small.
    private static IsotonicCalibrator Fit(double[] scores, bool[] outcomes) => IsotonicCalibrator.Fit(
        scores.SelectMany(s => Enumerable.Repeat(s, IsotonicCalibrator.MinBlock)).ToArray(),
        outcomes.SelectMany(o => Enumerable.Repeat(o, IsotonicCalibrator.MinBlock)).ToArray());

    [Fact]
    public void Fit_ViolatingNeighbours_ArePooledIntoAMonotoneStep()
    {
        var calibrator = Fit([0.1, 0.2, 0.3, 0.4], [false, true, false, true]);

        Assert.Equal([0.0, 0.5, 0.5, 1.0], new[] { 0.1, 0.2, 0.3, 0.4 }.Select(calibrator.Apply));
        Assert.Equal(3, calibrator.Blocks);
    }

    [Fact]
    public void Apply_OutsideTheReferenceScores_TakesTheNearestBlock()
    {
        var calibrator = Fit([0.2, 0.8], [false, true]);

        Assert.Equal((0.0, 1.0, 1.0), (calibrator.Apply(0.0), calibrator.Apply(0.5), calibrator.Apply(0.99)));
    }

    [Fact]
    public void Fit_SmallBlocks_ArePooledWithANeighbour()
    {
        var calibrator = IsotonicCalibrator.Fit([0.1, 0.2, 0.3, 0.4], [false, true, false, true]);

        Assert.Equal(1, calibrator.Blocks);
        Assert.Equal(0.5, calibrator.Apply(0.1));
    }

    [Fact]
    public void Fit_OverconfidentScores_MapsThemBackToFrequencies()
    {
        var random = new Random(8);
        var truth = Enumerable.Range(0, 4000).Select(_ => random.NextDouble()).ToArray();
        var outcomes = truth.Select(t => random.NextDouble() < t).ToArray();
        var overconfident = truth.Select(t => 1 / (1 + Math.Exp(-4 * (t - 0.5) * 3))).ToArray();

        var calibrated = IsotonicCalibrator.Fit(overconfident, outcomes).Apply(overconfident);

        Assert.True(CalibrationCheck.Of(calibrated, outcomes).ExpectedCalibrationError < CalibrationCheck.Of(overconfident, outcomes).ExpectedCalibrationError);
        Assert.True(CalibrationCheck.Of(calibrated, outcomes).Calibrated);
    }
}
