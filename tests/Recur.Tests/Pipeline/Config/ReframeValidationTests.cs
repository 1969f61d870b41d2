using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class ReframeValidationTests
{
    private static RecurException Load(string framing)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nframing:\n  reframe:\n" + framing);
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));
    }

    [Fact]
    public void Load_ReframeSection_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nframing:\n  reframe:\n    edges: [5, 8.5, 20]\n    level: 0.8\n    compare: true\n    prefer: true\n");

        var r = ProjectConfigLoader.Load(path).Config.Framing.Reframe;

        Assert.Equal([5, 8.5, 20], r.Edges);
        Assert.Equal((0.8, true, true, true), (r.Level, r.Compare, r.Prefer, r.BucketsDeclared));
    }

    [Fact]
    public void Load_EdgesNotIncreasing_NamesTheKeyLineAndEdges()
    {
        var e = Load("    edges: [5, 20, 8.5]\n");

        Assert.Equal("framing.reframe.edges", e.Field);
        Assert.Contains("line 5", e.Message);
        Assert.Contains("strictly increasing, but edge 3 (8.5) is not above edge 2 (20)", e.Message);
    }

    [Theory]
    [InlineData("    buckets: 1\n", "framing.reframe.buckets", "at least 2")]
    [InlineData("    buckets: 0\n", "framing.reframe.buckets", "at least 2")]
    [InlineData("    buckets: 5\n    edges: [1, 2]\n", "framing.reframe.edges", "both set")]
    [InlineData("    buckets: 5\n    level: 1.5\n", "framing.reframe.level", "between 0 and 1")]
    [InlineData("    regress: fare\n", "framing.reframe.regress", "needs framing.reframe.above")]
    [InlineData("    above: 20\n", "framing.reframe.above", "needs framing.reframe.regress")]
    [InlineData("    regress: fare\n    above: 20\n    buckets: 4\n", "framing.reframe.regress", "keep the one that fits the label")]
    public void Load_BadReframe_NamesTheKey(string yaml, string key, string problem)
    {
        var e = Load(yaml);

        Assert.Equal(key, e.Field);
        Assert.Contains(problem, e.Message);
        Assert.Contains("line ", e.Message);
    }
}
