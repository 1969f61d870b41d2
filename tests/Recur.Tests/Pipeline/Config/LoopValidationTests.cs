using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class LoopValidationTests
{
    [Fact]
    public void Load_LoopPolicy_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", """
            name: m
            label: y
            loop:
              enabled: true
              interval: 30s
              min_interval: 2h
              max_per_day: 3
              triggers:
                drift: ~
                live_drop: {tolerance: 0.01, min_rows: 50}
                schedule: {every: 7d}
                new_labels: {rows: 500}
              canary: {weight: 25, duration: 2h, requests: 1000, on_insufficient: extend}
              alerts:
                webhooks:
                  - url: https://hooks.example.com/alerts
            """);

        var (config, _) = ProjectConfigLoader.Load(path);

        var loop = config.Loop;
        Assert.True(loop.Enabled);
        Assert.Null(loop.Triggers.Drift);
        Assert.Equal((0.01, 50), (loop.Triggers.LiveDrop!.Tolerance, loop.Triggers.LiveDrop.MinRows));
        Assert.Equal((25.0, "2h", 1000, "extend"), (loop.Canary.Weight, loop.Canary.Duration, loop.Canary.Requests!.Value, loop.Canary.OnInsufficient));
        Assert.Equal("https://hooks.example.com/alerts", Assert.Single(loop.Alerts.Webhooks).Url);
    }

    [Theory]
    [InlineData("  interval: soon\n", "loop.interval 'soon' is not a duration", 3)]
    [InlineData("  canary: {weight: 100}\n", "loop.canary.weight must be a percentage", 3)]
    [InlineData("  canary:\n    duration: \"\"\n", "declare a duration, a request count", 4)]
    [InlineData("  canary:\n    on_insufficient: wait\n", "loop.canary.on_insufficient must be rollback or extend", 4)]
    [InlineData("  max_per_day: 0\n", "loop.max_per_day must be 1 to 1000", 3)]
    [InlineData("  alerts:\n    webhooks:\n      - url: ftp://x\n", "loop.alerts.webhooks[0].url", 5)]
    public void Load_BadLoopSetting_FailsNamingTheKeyAndLine(string yaml, string message, int line)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nloop:\n" + yaml);

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains(message, e.Message);
        Assert.Contains($"line {line}", e.Message);
    }

    [Fact]
    public void Load_ScheduleShorterThanMinInterval_IsRefusedAsARetrainLoop()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nloop:\n  min_interval: 1d\n  triggers:\n    schedule: {every: 1h}\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("a retrain loop", e.Message);
        Assert.Contains("loop.triggers.schedule.every", e.Message);
    }
}
