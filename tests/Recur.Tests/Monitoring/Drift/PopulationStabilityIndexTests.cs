using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class PopulationStabilityIndexTests
{
    [Theory]
    [InlineData(0.0, PsiBand.Stable)]
    [InlineData(0.0999, PsiBand.Stable)]
    [InlineData(0.1, PsiBand.Moderate)]
    [InlineData(0.25, PsiBand.Moderate)]
    [InlineData(0.2501, PsiBand.Major)]
    [InlineData(7.8, PsiBand.Major)]
    public void Classify_Value_ReturnsConventionalBand(double psi, PsiBand expected)
    {
        Assert.Equal(expected, PopulationStabilityIndex.Classify(psi));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.01)]
    public void Classify_InvalidValue_ThrowsArgumentException(double psi)
    {
        var exception = Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Classify(psi));

        Assert.Equal("psi", exception.ParamName);
    }

    [Fact]
    public void Compute_CategoryMissingFromCurrent_UsesEpsilonShare()
    {
        double psi = PopulationStabilityIndex.Compute(
            new Dictionary<string, long> { ["a"] = 50, ["b"] = 50 },
            new Dictionary<string, long> { ["a"] = 100 });

        double epsilon = PopulationStabilityIndex.EmptyBinProportion;
        double expected = ((1.0 - 0.5) * Math.Log(1.0 / 0.5)) + ((epsilon - 0.5) * Math.Log(epsilon / 0.5));
        Assert.Equal(expected, psi, 12);
    }

    [Fact]
    public void Compute_SameDistribution_IsStable()
    {
        var random = new Random(11);
        double[] reference = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();
        double[] current = Enumerable.Range(0, 5000).Select(_ => random.NextDouble()).ToArray();

        Assert.Equal(PsiBand.Stable, PopulationStabilityIndex.Classify(PopulationStabilityIndex.Compute(reference, current)));
    }

    [Fact]
    public void Compute_AllNaNReference_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([double.NaN, double.NaN], [1.0]));

        Assert.Equal("reference", exception.ParamName);
    }
}
