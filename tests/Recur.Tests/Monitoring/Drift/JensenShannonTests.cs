using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

public class JensenShannonTests
{
    [Fact]
    public void Distance_DisjointCategories_IsSqrtLn2()
    {
        double distance = JensenShannon.Distance(
            new Dictionary<string, long> { ["a"] = 3, ["b"] = 7 },
            new Dictionary<string, long> { ["c"] = 5 });

        Assert.Equal(Math.Sqrt(Math.Log(2)), distance, 12);
    }

    [Fact]
    public void Distance_ProportionalCounts_Zero()
    {
        double distance = JensenShannon.Distance(
            new Dictionary<string, long> { ["a"] = 1, ["b"] = 3 },
            new Dictionary<string, long> { ["b"] = 300, ["a"] = 100 });

        Assert.Equal(0.0, distance);
    }

    [Fact]
    public void Distance_CurrentBeyondReferenceRange_StillCounted()
    {
        double[] reference = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        double[] current = Enumerable.Range(1000, 50).Select(i => (double)i).ToArray();

        double distance = JensenShannon.Distance(reference, current);

        // All current mass sits in the open-ended top bin, which holds 10% of the reference.
        double expected = Math.Sqrt(((0.9 * Math.Log(2)) + (0.1 * Math.Log(0.1 / 0.55)) + Math.Log(1 / 0.55)) / 2);
        Assert.Equal(expected, distance, 12);
    }

    [Fact]
    public void Distance_EmptyReferenceSample_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => JensenShannon.Distance(ReadOnlySpan<double>.Empty, [1.0]));

        Assert.Equal("reference", exception.ParamName);
    }
}
