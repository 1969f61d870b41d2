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

    private static readonly PromotionConfig RmseGates = new() { Metric = "rmse", MinGainOverBaseline = 0.5, MinGainOverChampion = 0.0 };

    private static Dictionary<string, double> Rmse(double v) => new() { ["rmse"] = v };

    [Fact]
    public void Decide_LowerRmseThanBaselineAndChampion_Promotes()
    {
        var decision = PromotionGate.Decide(RmseGates, Rmse(2.0), Rmse(5.0), Rmse(2.5));

        Assert.True(decision.Promote, decision.Reason);
        Assert.Contains("gain 3", decision.Reason);
    }

    [Fact]
    public void Decide_HigherRmseThanChampion_Rejects()
    {
        var decision = PromotionGate.Decide(RmseGates, Rmse(2.6), Rmse(5.0), Rmse(2.5));

        Assert.False(decision.Promote);
        Assert.Contains("rmse gain over champion", decision.Reason);
    }

    [Fact]
    public void Decide_RmseWithDefaultMinValue_HasNoAbsoluteGate()
    {
        var decision = PromotionGate.Decide(RmseGates, Rmse(2.0), Rmse(5.0), null);

        Assert.True(decision.Promote, decision.Reason);
        Assert.Single(decision.Checks);
    }

    [Fact]
    public void Decide_RmseAboveMaxValue_RejectsNamingTheCeiling()
    {
        var gates = new PromotionConfig { Metric = "rmse", MaxValue = 1.5, MinGainOverBaseline = 0.5 };

        var decision = PromotionGate.Decide(gates, Rmse(2.0), Rmse(5.0), null);

        Assert.False(decision.Promote);
        Assert.Contains("rmse <= 1.5 failed", decision.Reason);
    }
}

public sealed class PromotionGateSignificanceTests
{
    private static readonly Recur.Core.Project.PromotionConfig Gates = new() { Metric = "auc", MinValue = 0.6, MinGainOverBaseline = 0.01 };

    [Fact]
    public void Significant_GainInsideTheNoise_Fails()
    {
        // A retrain 0.0004 better than the champion, with an interval 0.008 wide around it.
        var check = PromotionGate.Significant("champion", "auc", (0.0004, -0.0036, 0.0044), 0, 0.05);

        Assert.False(check.Passed);
        Assert.Contains("not clearly above 0", check.Detail);
    }

    [Fact]
    public void Decide_ExtraCheckFails_RejectsNamingIt()
    {
        var extra = new[] { PromotionGate.Significant("champion", "auc", (0.0004, -0.0036, 0.0044), 0, 0.05) };

        var decision = PromotionGate.Decide(Gates, new Dictionary<string, double> { ["auc"] = 0.9004 }, new Dictionary<string, double> { ["auc"] = 0.5 },
            new Dictionary<string, double> { ["auc"] = 0.9 }, extra);

        Assert.False(decision.Promote);
        Assert.Contains("significant", decision.Reason);
    }

    [Fact]
    public void Significant_ClearGain_Passes()
    {
        Assert.True(PromotionGate.Significant("baseline", "rmse", (40, 35, 45), 1, 0.05).Passed);
    }
}
