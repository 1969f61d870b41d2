using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class WassersteinTests
{
    [Fact]
    public void Distance_ShiftedCopy_EqualsShift()
    {
        double[] reference = [0.0, 1.0, 3.0, 3.0];
        double[] current = [5.0, 6.0, 8.0, 8.0];

        Assert.Equal(5.0, Wasserstein.Distance(reference, current), 12);
    }

    [Fact]
    public void Distance_UnequalSizesWithTies_MatchesScipy()
    {
        // scipy.stats.wasserstein_distance([0, 1, 1, 3], [1, 2]) == 0.75
        Assert.Equal(0.75, Wasserstein.Distance([0.0, 1.0, 1.0, 3.0], [1.0, 2.0]), 12);
    }

    [Fact]
    public void NormedDistance_ConstantReference_UsesStdFloor()
    {
        double[] reference = [2.0, 2.0, 2.0];
        double[] current = [2.5, 2.5];

        double normed = Wasserstein.NormedDistance(reference, current);

        Assert.Equal(0.5 / Wasserstein.MinimumReferenceStandardDeviation, normed, 9);
    }

    [Fact]
    public void NormedDistance_IdenticalSamples_Zero()
    {
        double[] sample = [1.5, -2.0, 0.25, 7.0];

        Assert.Equal(0.0, Wasserstein.NormedDistance(sample, sample));
    }

    [Fact]
    public void NormedDistance_EmptyCurrent_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => Wasserstein.NormedDistance([1.0], []));

        Assert.Equal("current", exception.ParamName);
    }
}
