using Recur.Monitoring.Policy;

namespace Recur.Tests.Monitoring.Policy;

public sealed class LoopPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_TriggerFiredAndLimitAllows_Retrains()
    {
        var decision = LoopPolicy.Decide([new NewLabelsTrigger(1)], new LoopSignals { Now = Now, NewLabelledRows = 5 },
            () => RateLimit.Check(Now, [], TimeSpan.FromHours(1), 4));

        Assert.True(decision.Retrain);
        Assert.False(decision.Throttled);
        Assert.Contains("new_labels", decision.Reason);
    }

    [Fact]
    public void Decide_TriggerFiredWithinMinInterval_IsThrottledAndSaysSo()
    {
        var decision = LoopPolicy.Decide([new NewLabelsTrigger(1)], new LoopSignals { Now = Now, NewLabelledRows = 5 },
            () => RateLimit.Check(Now, [Now.AddMinutes(-10)], TimeSpan.FromHours(1), 4));

        Assert.False(decision.Retrain);
        Assert.True(decision.Throttled);
        Assert.Contains("loop.min_interval is 1h", decision.Reason);
        Assert.Equal(1, decision.Limit!.Numbers["retrains_last_24h"]);
    }

    [Fact]
    public void Decide_NoTriggerFired_DoesNotAskTheLimit()
    {
        var asked = false;
        var decision = LoopPolicy.Decide([new NewLabelsTrigger(10)], new LoopSignals { Now = Now, NewLabelledRows = 5 }, () =>
        {
            asked = true;
            return RateLimit.Check(Now, [], TimeSpan.FromHours(1), 4);
        });

        Assert.False(decision.Retrain);
        Assert.False(asked);
        Assert.Single(decision.Triggers);
    }

    [Fact]
    public void RateLimit_MaxPerDayReached_Throttles()
    {
        var retrains = Enumerable.Range(1, 4).Select(h => Now.AddHours(-h * 2)).ToList();

        var result = RateLimit.Check(Now, retrains, TimeSpan.FromHours(1), 4);

        Assert.False(result.Allowed);
        Assert.Contains("loop.max_per_day is 4", result.Why);
    }

    [Fact]
    public void RateLimit_OldRetrainsOnly_Allows()
    {
        Assert.True(RateLimit.Check(Now, [Now.AddDays(-2), Now.AddDays(-3)], TimeSpan.FromHours(1), 1).Allowed);
    }
}
