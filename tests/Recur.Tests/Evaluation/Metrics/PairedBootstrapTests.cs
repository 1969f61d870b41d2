using Recur.Evaluation.Metrics;

namespace Recur.Tests.Evaluation.Metrics;

public sealed class PairedBootstrapTests
{
    private static readonly double[] Actual = Enumerable.Range(0, 80).Select(i => Math.Sin(i) * 10).ToArray();

    private static Func<int[], double> Rmse(double[] predicted) => rows =>
        Math.Sqrt(rows.Average(r => (predicted[r] - Actual[r]) * (predicted[r] - Actual[r])));

    private static double[] Noisy(int seed, double scale)
    {
        var random = new Random(seed);
        return Actual.Select(a => a + ((random.NextDouble() - 0.5) * scale)).ToArray();
    }

    [Fact]
    public void Gain_IdenticalPredictions_ZeroWithZeroWidthInterval()
    {
        var predicted = Noisy(1, 4);

        var (gain, low, high) = PairedBootstrap.Gain(Actual.Length, Rmse(predicted), Rmse(predicted), lowerIsBetter: true, seed: 3);

        Assert.Equal(0.0, gain);
        Assert.Equal(0.0, low);
        Assert.Equal(0.0, high);
    }

    [Fact]
    public void Gain_ClearlyBetterCandidateLowerIsBetter_IntervalAboveZero()
    {
        var (gain, low, high) = PairedBootstrap.Gain(Actual.Length, Rmse(Noisy(1, 1)), Rmse(Noisy(2, 8)), lowerIsBetter: true, seed: 3);

        Assert.True(low > 0, $"interval [{low}, {high}] should lie above 0");
        Assert.InRange(gain, low, high);
    }

    [Fact]
    public void Gain_HigherIsBetterWorseCandidate_IntervalBelowZero()
    {
        Func<int[], double> accuracyOf(double share) => rows => rows.Average(r => r < Actual.Length * share ? 1.0 : 0.0);

        var (gain, _, high) = PairedBootstrap.Gain(Actual.Length, accuracyOf(0.5), accuracyOf(0.9), lowerIsBetter: false, seed: 4);

        Assert.True(gain < 0);
        Assert.True(high < 0);
    }

    [Fact]
    public void Gain_SameSeed_SameInterval()
    {
        var (candidate, reference) = (Rmse(Noisy(1, 3)), Rmse(Noisy(2, 4)));

        var first = PairedBootstrap.Gain(Actual.Length, candidate, reference, lowerIsBetter: true, seed: 8);
        var second = PairedBootstrap.Gain(Actual.Length, candidate, reference, lowerIsBetter: true, seed: 8);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Gain_NoRows_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => PairedBootstrap.Gain(0, _ => 0, _ => 0, lowerIsBetter: false, seed: 1));

        Assert.Equal("rows", exception.ParamName);
    }
}
