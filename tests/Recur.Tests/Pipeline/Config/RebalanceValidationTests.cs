using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class RebalanceValidationTests
{
    private static RecurException Fails(string rebalance)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nframing:\n  rebalance:\n" + rebalance);
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));
    }

    [Fact]
    public void Load_RebalanceSection_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nframing:\n  rebalance:\n    methods: [class_weights, downsample]\n    weights: {bad: 5}\n    models: 3\n    downsample_ratio: 2\n    beta: 1.5\n    precision_at: 0.7\n    minority_below: 0.1\n");

        var r = ProjectConfigLoader.Load(path).Config.Framing.Rebalance;

        Assert.Equal(["class_weights", "downsample"], r.Methods);
        Assert.Equal(5, r.Weights["bad"]);
        Assert.Equal((3, 2.0, 1.5, 0.7, 0.1), (r.Models, r.DownsampleRatio, r.Beta, r.PrecisionAt, r.MinorityBelow));
    }

    [Fact]
    public void Load_ModelsZero_FailsNamingTheKeyAndLine()
    {
        var e = Fails("    methods: [downsample]\n    models: 0\n");

        Assert.Equal("framing.rebalance.models", e.Field);
        Assert.Contains("line 6", e.Message);
        Assert.Contains("at least 1", e.Message);
    }

    [Fact]
    public void Load_DownsampleRatioBelowOne_FailsNamingTheKey()
    {
        var e = Fails("    methods: [downsample]\n    downsample_ratio: 0.5\n");

        Assert.Equal("framing.rebalance.downsample_ratio", e.Field);
        Assert.Contains("not 0.5", e.Message);
    }

    [Fact]
    public void Load_UnknownMethod_FailsNamingIt()
    {
        var e = Fails("    methods: [smote]\n");

        Assert.Equal("framing.rebalance.methods", e.Field);
        Assert.Contains("'smote' is not a rebalancing method", e.Message);
    }

    [Fact]
    public void Load_NegativeWeight_FailsNamingTheClass()
    {
        var e = Fails("    methods: [class_weights]\n    weights: {bad: -1}\n");

        Assert.Equal("framing.rebalance.weights.bad", e.Field);
    }
}
