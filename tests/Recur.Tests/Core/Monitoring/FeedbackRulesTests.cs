using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Core.Project;

namespace Recur.Tests.Core.Monitoring;

public sealed class FeedbackRulesTests
{
    [Fact]
    public void From_Config_ParsesEveryDuration()
    {
        var rules = FeedbackRules.From(new MonitoringFeedbackConfig { LateAfter = "36h", ExpireAfter = "2w", SkewTolerance = "30s" });

        Assert.Equal(new FeedbackRules(TimeSpan.FromHours(36), TimeSpan.FromDays(14), TimeSpan.FromSeconds(30)), rules);
    }

    [Fact]
    public void From_BadDuration_NamesTheKey()
    {
        var e = Assert.Throws<RecurException>(() => FeedbackRules.From(new MonitoringFeedbackConfig { ExpireAfter = "ninety days" }));

        Assert.Equal("monitoring.feedback.expire_after", e.Field);
        Assert.Contains("ninety days", e.Message);
    }

    [Theory]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("5m", 5)]
    [InlineData("1w", 7 * 24 * 60)]
    public void TryParse_DurationText_GivesMinutes(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DurationText.TryParse(text, out _));

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("-1d")]
    [InlineData("1y")]
    public void TryParse_NotADuration_SaysWhy(string text)
    {
        Assert.Null(DurationText.TryParse(text, out var problem));
        Assert.Contains("not a duration", problem);
    }
}
