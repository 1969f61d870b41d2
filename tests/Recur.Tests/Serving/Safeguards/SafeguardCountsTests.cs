using Recur.Core.Serving;
using Recur.Serving.Safeguards;

namespace Recur.Tests.Serving.Safeguards;

public sealed class SafeguardCountsTests
{
    [Fact]
    public void Of_LoggedRules_CountsEachRuleMostFrequentFirst()
    {
        PredictionRecord At(string? rules) => new("k", "m", 1, DateTimeOffset.UnixEpoch, "{}", "no", 0.1, Rules: rules);

        var counts = SafeguardCounts.Of([At(null), At("range:age:clamp,override:no-minors"), At("override:no-minors"), At(null)]);

        Assert.Equal((4L, 2L), (counts.Predictions, counts.Guarded));
        Assert.Equal(["override:no-minors", "range:age:clamp"], counts.Counts.Keys);
        Assert.Equal([2L, 1L], counts.Counts.Values);
    }
}
