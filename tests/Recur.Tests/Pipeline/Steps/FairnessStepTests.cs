using Recur.Core.Project;
using Recur.Evaluation.Fairness;
using Recur.Pipeline.Steps;
using Xunit;

namespace Recur.Tests.Pipeline.Steps;

public class FairnessStepTests
{
    // Group a: 40 rows, half selected; group b: 40 rows, a quarter selected. Labels alternate.
    private static FairnessReport Lens()
    {
        var labels = Enumerable.Range(0, 80).Select(i => i % 2 == 0).ToList();
        var decisions = Enumerable.Range(0, 80).Select(i => i < 40 ? i % 4 < 2 : i % 4 == 0).ToList();
        var groups = Enumerable.Range(0, 80).Select(i => (string?)(i < 40 ? "a" : "b")).ToList();
        return FairnessLens.Compute(new FairnessInput(labels, decisions, null, [new SensitiveColumn("g", groups)]), new FairnessOptions { Resamples = 50 });
    }

    [Fact]
    public void Gates_EachSetGate_OneCheckPerColumnWithPassOrFail()
    {
        var gates = new FairnessGateConfig { MinFourFifthsRatio = 0.8, MaxDemographicParityGap = 0.3 };

        var checks = FairnessStep.Gates(gates, Lens());

        Assert.Equal(2, checks.Count);
        var parity = Assert.Single(checks, c => c.Name == "demographic parity gap by g <= 0.3");
        Assert.True(parity.Passed);
        Assert.StartsWith("demographic parity gap by g 0.25 [", parity.Detail, StringComparison.Ordinal);
        var fourFifths = Assert.Single(checks, c => c.Name == "four-fifths ratio by g >= 0.8");
        Assert.False(fourFifths.Passed);
        Assert.Contains("(b / a)", fourFifths.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Gates_NoneSetOrNoLens_NoChecks()
    {
        Assert.Empty(FairnessStep.Gates(new FairnessGateConfig(), Lens()));
        Assert.Empty(FairnessStep.Gates(new FairnessGateConfig { MaxEqualizedOddsGap = 0.1 }, null));
    }
}
