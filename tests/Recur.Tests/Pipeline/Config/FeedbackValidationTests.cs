using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

/// <summary>recur.yaml's monitoring.feedback section, checked when the file loads.</summary>
public sealed class FeedbackValidationTests
{
    [Theory]
    [InlineData("late_after: soon", "monitoring.feedback.late_after")]
    [InlineData("expire_after: 90", "monitoring.feedback.expire_after")]
    [InlineData("skew_tolerance: 5 minutes", "monitoring.feedback.skew_tolerance")]
    [InlineData("expire_after: 1d", "monitoring.feedback.expire_after")] // shorter than late_after (7d)
    [InlineData("min_labelled: 0", "monitoring.feedback.min_labelled")]
    [InlineData("source: ' '", "monitoring.feedback.source")]
    public void Load_FeedbackSettingThatCannotWork_FailsNamingTheKeyAndLine(string setting, string key)
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", $"name: m\nlabel: y\nmonitoring:\n  feedback:\n    {setting}\n")));

        Assert.Equal(key, e.Field);
        Assert.StartsWith("recur.yaml: line 5, column ", e.Message);
    }

    [Fact]
    public void Load_FeedbackSettings_AreRead()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\nlabel: y\nmonitoring:\n  feedback:\n    late_after: 2d\n    source: data/feedback/\n"));

        Assert.Equal(("2d", "90d", "data/feedback/"), (config.Monitoring.Feedback.LateAfter, config.Monitoring.Feedback.ExpireAfter, config.Monitoring.Feedback.Source));
    }
}
