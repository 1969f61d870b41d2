using Recur.Core;
using Recur.Monitoring.Incremental;

namespace Recur.Tests.Monitoring.Incremental;

public sealed class MonitoringWindowTests
{
    [Theory]
    [InlineData("30m", 30)]
    [InlineData("1h", 60)]
    [InlineData("1d", 1440)]
    public void Parse_TimeSpan_GivesMinutes(string text, int minutes)
    {
        var window = MonitoringWindow.Parse(text, "monitoring.window");

        Assert.Equal(TimeSpan.FromMinutes(minutes), window.Span);
        Assert.Null(window.Predictions);
    }

    [Fact]
    public void Parse_CountOfPredictions_GivesCountWindow()
    {
        var window = MonitoringWindow.Parse("1000 predictions", "monitoring.window");

        Assert.Equal(1000, window.Predictions);
        Assert.Equal(2, window.IndexOf(DateTimeOffset.UnixEpoch, 2500));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0h")]
    [InlineData("1 week")]
    [InlineData("-1d")]
    public void Parse_NotAWindow_FailsNamingTheSetting(string text)
    {
        var e = Assert.Throws<RecurException>(() => MonitoringWindow.Parse(text, "monitoring.window"));

        Assert.Equal("monitoring.window", e.Field);
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexOf_TimeBeforeTheEpoch_FloorsToTheEarlierWindow()
    {
        var hour = MonitoringWindow.Parse("1h", "w");

        Assert.Equal(-1, hour.IndexOf(DateTimeOffset.UnixEpoch.AddMinutes(-1), 0));
        Assert.Equal(0, hour.IndexOf(DateTimeOffset.UnixEpoch.AddMinutes(59), 0));
        Assert.Equal((DateTimeOffset.UnixEpoch.AddHours(3), DateTimeOffset.UnixEpoch.AddHours(4)), hour.TimeBounds(3));
    }
}
