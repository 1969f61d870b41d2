using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class NeutralValidationTests
{
    [Fact]
    public void Load_AbstainBand_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nframing:\n  neutral:\n    target_precision: 0.9\n    min_decided: 5\n");

        var n = ProjectConfigLoader.Load(path).Config.Framing.Neutral;

        Assert.Equal((0.9, 5, true, false), (n.TargetPrecision, n.MinDecided, n.Abstains, n.FromLabels));
    }

    [Theory]
    [InlineData("    score_column: stars\n    band: [4, 2]\n", "framing.neutral.band", "lo (4) must be below hi (2)", 5)]
    [InlineData("    score_column: stars\n    band: [3, 3]\n", "framing.neutral.band", "lo (3) must be below hi (3)", 5)]
    [InlineData("    score_column: stars\n", "framing.neutral.score_column", "band must be [lo, hi]", 4)]
    [InlineData("    target_precision: 1.5\n", "framing.neutral.target_precision", "must be in (0, 1), not 1.5", 4)]
    [InlineData("    agreement_column: agree\n    min_agreement: 0\n", "framing.neutral.min_agreement", "must be in (0, 1]", 5)]
    [InlineData("    value: maybe\n    target_precision: 0.9\n", "framing.neutral", "declare one of", 4)]
    public void Load_BadNeutral_FailsNamingTheKeyAndLine(string yaml, string key, string expected, int line)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nframing:\n  neutral:\n" + yaml);

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal(key, e.Field);
        Assert.StartsWith($"recur.yaml: line {line}, column ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Load_NeutralClassWithBinaryTask_FailsNamingTask()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\ntask: binary\nframing:\n  neutral:\n    value: maybe\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("task", e.Field);
        Assert.Contains("it becomes multiclass", e.Message);
    }

    [Fact]
    public void Load_OverfitSettingsWithoutEnabled_FailsNamingOverfit()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nframing:\n  overfit:\n    inputs: [x, y]\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("framing.overfit", e.Field);
        Assert.StartsWith("recur.yaml: line 4, column ", e.Message);
    }
}
