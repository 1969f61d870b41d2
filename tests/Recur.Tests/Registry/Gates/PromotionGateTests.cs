using Recur.Core.Project;
using Recur.Registry.Gates;

namespace Recur.Tests.Registry.Gates;

public sealed class PromotionGateTests
{
    private static readonly PromotionConfig Gates = new() { Metric = "auc", MinValue = 0.7, MinGainOverBaseline = 0.05, MinGainOverChampion = 0.0 };

    private static Dictionary<string, double> Auc(double v) => new() { ["auc"] = v };

    [Fact]
    public void Decide_BeatsBaselineNoChampion_Promotes()
    {
        var decision = PromotionGate.Decide(Gates, Auc(0.9), Auc(0.5), null);

        Assert.True(decision.Promote);
        Assert.Equal(2, decision.Checks.Count);
    }

    [Fact]
    public void Decide_WorseThanChampion_RejectsNamingTheChampionGate()
    {
        var decision = PromotionGate.Decide(Gates, Auc(0.88), Auc(0.5), Auc(0.9));

        Assert.False(decision.Promote);
        Assert.Contains("champion", decision.Reason);
        Assert.DoesNotContain("baseline failed", decision.Reason);
    }

    [Fact]
    public void Decide_BelowAbsoluteThreshold_Rejects()
    {
        var decision = PromotionGate.Decide(Gates, Auc(0.6), Auc(0.5), null);

        Assert.False(decision.Promote);
        Assert.Contains("auc >= 0.7 failed", decision.Reason);
    }

    [Fact]
    public void Decide_MetricMissing_Rejects()
    {
        var decision = PromotionGate.Decide(Gates, new Dictionary<string, double>(), Auc(0.5), null);

        Assert.False(decision.Promote);
    }
}
