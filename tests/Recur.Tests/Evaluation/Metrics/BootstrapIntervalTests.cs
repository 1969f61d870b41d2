using Recur.Evaluation.Metrics;
using Xunit;

namespace Recur.Tests.Evaluation.Metrics;

public class BootstrapIntervalTests
{
    private static readonly Func<ReadOnlySpan<double>, ReadOnlySpan<bool>, double> Auc =
        (scores, labels) => BinaryMetrics.Compute(scores, labels, 0.5).Auc;

    private static (double[] Scores, bool[] Labels) Sample(int seed, int count)
    {
        var random = new Random(seed);
        var labels = new bool[count];
        var scores = new double[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = random.NextDouble() < 0.4;
            scores[i] = Math.Clamp((random.NextDouble() * 0.7) + (labels[i] ? 0.25 : 0.0), 0, 1);
        }

        return (scores, labels);
    }

    [Fact]
    public void Compute_SameSeed_SameInterval()
    {
        (double[] scores, bool[] labels) = Sample(1, 300);

        var first = BootstrapInterval.Compute(scores, labels, Auc, 200, 0.95, seed: 123);
        var second = BootstrapInterval.Compute(scores, labels, Auc, 200, 0.95, seed: 123);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compute_DifferentSeed_DifferentInterval()
    {
        (double[] scores, bool[] labels) = Sample(1, 300);

        var first = BootstrapInterval.Compute(scores, labels, Auc, 200, 0.95, seed: 123);
        var second = BootstrapInterval.Compute(scores, labels, Auc, 200, 0.95, seed: 124);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Compute_AucInterval_BracketsPointEstimate()
    {
        (double[] scores, bool[] labels) = Sample(2, 500);
        double pointEstimate = Auc(scores, labels);

        (double lower, double upper) = BootstrapInterval.Compute(scores, labels, Auc, 500, 0.9, seed: 9);

        Assert.InRange(pointEstimate, lower, upper);
        Assert.True(upper - lower < 0.2, $"interval [{lower}, {upper}] is implausibly wide");
    }

    [Fact]
    public void Compute_HigherConfidence_WiderInterval()
    {
        (double[] scores, bool[] labels) = Sample(3, 400);

        var narrow = BootstrapInterval.Compute(scores, labels, Auc, 300, 0.5, seed: 5);
        var wide = BootstrapInterval.Compute(scores, labels, Auc, 300, 0.99, seed: 5);

        Assert.True(wide.Lower <= narrow.Lower && wide.Upper >= narrow.Upper);
    }

    [Fact]
    public void Compute_MetricAlwaysNaN_ReturnsNaNInterval()
    {
        (double lower, double upper) = BootstrapInterval.Compute([0.2, 0.4], [true, true], Auc, 20, 0.95, seed: 1);

        Assert.True(double.IsNaN(lower) && double.IsNaN(upper));
    }

    [Theory]
    [InlineData(0, 0.95, "resamples")]
    [InlineData(100, 0.0, "confidence")]
    [InlineData(100, 1.0, "confidence")]
    public void Compute_InvalidSettings_ThrowsArgumentException(int resamples, double confidence, string parameter)
    {
        var exception = Assert.Throws<ArgumentException>(
            () => BootstrapInterval.Compute([0.2, 0.7], [false, true], Auc, resamples, confidence, seed: 1));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void Compute_EmptyInput_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => BootstrapInterval.Compute([], [], Auc, 10, 0.95, seed: 1));

        Assert.Equal("scores", exception.ParamName);
    }
}

public sealed class SortedAucTests
{
    [Fact]
    public void Interval_SameSeed_EqualsTheResortingBootstrapExactly()
    {
        var random = new Random(11);
        var labels = Enumerable.Range(0, 700).Select(_ => random.NextDouble() < 0.3).ToArray();
        // Rounded scores make many ties, the case where half credit matters.
        var scores = labels.Select(l => Math.Round((l ? 0.6 : 0.4) + (random.NextDouble() - 0.5) * 0.6, 2)).ToArray();

        var fast = new SortedAuc(scores, labels).Interval(200, 0.95, 5);
        var slow = BootstrapInterval.Compute(scores, labels, (s, l) => BinaryMetrics.Compute(s, l, 0.5).Auc, 200, 0.95, 5);

        Assert.Equal(slow, fast);
        Assert.Equal(BinaryMetrics.Compute(scores, labels, 0.5).Auc, new SortedAuc(scores, labels).Of(Enumerable.Range(0, 700).ToArray()));
    }
}
