using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class CascadeValidationTests
{
    private static RecurException Fails(string framing)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nframing:\n  cascade:\n" + framing);
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));
    }

    [Fact]
    public void Load_SegmentCascade_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\nframing:\n  cascade:\n    segment: workingday\n    branches:\n      \"1\": workday\n      \"0\": offday\n    min_rows: 200\n");

        var c = ProjectConfigLoader.Load(path).Config.Framing.Cascade;

        Assert.True(c.IsDeclared);
        Assert.Equal(("workingday", "workday", "offday", 200), (c.Segment, c.Branches["1"], c.Branches["0"], c.MinRows));
    }

    [Fact]
    public void Load_UnknownRouter_FailsNamingTheKeyAndLine()
    {
        var e = Fails("    router: magic\n");

        Assert.Equal("framing.cascade.router", e.Field);
        Assert.StartsWith("recur.yaml: line 5, column ", e.Message, StringComparison.Ordinal);
        Assert.Contains("must be 'learned'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SegmentAndRouter_Refused()
    {
        var e = Fails("    segment: sex\n    branches: { Male: men, Female: women }\n    router: learned\n");

        Assert.Equal("framing.cascade.router", e.Field);
        Assert.Contains("not both", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SegmentWithoutBranches_FailsNamingBranches()
    {
        var e = Fails("    segment: sex\n");

        Assert.Equal("framing.cascade.branches", e.Field);
        Assert.Contains("framing.cascade.branches is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OneBranchOnly_Refused()
    {
        var e = Fails("    segment: sex\n    branches: { Male: all, Female: all }\n");

        Assert.Contains("routes every row to branch 'all'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadBranchName_NamesTheValuesKeyAndLine()
    {
        var e = Fails("    segment: sex\n    branches:\n      Male: men\n      Female: \"wo men\"\n");

        Assert.Equal("framing.cascade.branches.Female", e.Field);
        Assert.StartsWith("recur.yaml: line 8, column ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.6")]
    public void Load_RareShareOutOfRange_FailsNamingIt(string share)
    {
        var e = Fails($"    router: learned\n    rare_share: {share}\n");

        Assert.Equal("framing.cascade.rare_share", e.Field);
        Assert.Contains("line 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BranchesWithoutSegment_Refused()
    {
        var e = Fails("    branches: { Male: men, Female: women }\n");

        Assert.Equal("framing.cascade.branches", e.Field);
        Assert.Contains("needs framing.cascade.segment", e.Message, StringComparison.Ordinal);
    }
}
