using Recur.Monitoring.Estimation;

namespace Recur.Tests.Monitoring.Estimation;

public sealed class ErrorModelTests
{
    // y = x + noise whose spread grows with x: the error depends on the prediction, as the model assumes.
    private static (double[] Predicted, double[] Actual) Sample(int count, int seed, double low = 0, double high = 10)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, count).Select(_ => low + (high - low) * random.NextDouble()).ToArray();
        var y = x.Select(v => v + Gaussian(random) * (0.2 + 0.3 * v)).ToArray();
        return (x, y);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Estimate_ShiftedPredictions_FollowsTheErrorOfTheirRange()
    {
        var (vp, va) = Sample(4000, 1);
        var model = ErrorModel.Fit(vp, va);
        // Current rows drift to large predictions, where errors are larger.
        var (cp, ca) = Sample(1000, 2, low: 6, high: 10);

        var estimates = model.Estimate(cp, 3).ToDictionary(m => m.Name);

        var realisedMae = cp.Zip(ca, (p, a) => Math.Abs(p - a)).Average();
        var realisedRmse = Math.Sqrt(cp.Zip(ca, (p, a) => (p - a) * (p - a)).Average());
        var validationMae = vp.Zip(va, (p, a) => Math.Abs(p - a)).Average();
        Assert.True(estimates["mae"].Contains(realisedMae), $"{estimates["mae"]} vs {realisedMae}");
        Assert.True(estimates["rmse"].Contains(realisedRmse), $"{estimates["rmse"]} vs {realisedRmse}");
        Assert.True(estimates["mae"].Value > validationMae * 1.3, "the estimate follows the shift, not the validation mean");
        Assert.Equal((4000, 10), (model.Rows, model.Bins));
    }

    [Fact]
    public void Fit_FewRows_UsesFewerBins() =>
        Assert.Equal(2, ErrorModel.Fit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40],
            Enumerable.Range(1, 40).Select(i => i + 0.5).ToArray()).Bins);
}
