using Recur.Monitoring.Estimation;

namespace Recur.Tests.Monitoring.Estimation;

public sealed class CalibrationCheckTests
{
    [Fact]
    public void Of_ProbabilitiesThatMatchFrequencies_IsCalibrated()
    {
        var random = new Random(4);
        var p = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var y = p.Select(x => random.NextDouble() < x).ToArray();

        var check = CalibrationCheck.Of(p, y);

        Assert.True(check.Calibrated, $"ECE {check.ExpectedCalibrationError}");
        Assert.Equal(5000, check.Rows);
    }

    [Fact]
    public void Of_OverconfidentProbabilities_IsFlagged()
    {
        var random = new Random(4);
        var truth = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        var y = truth.Select(x => random.NextDouble() < x).ToArray();
        var overconfident = truth.Select(x => x >= 0.5 ? 0.99 : 0.01).ToArray();

        var check = CalibrationCheck.Of(overconfident, y);

        Assert.False(check.Calibrated);
        Assert.InRange(check.ExpectedCalibrationError, 0.2, 0.3);
    }
}
