using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

/// <summary><c>serving.log</c> is checked when recur.yaml loads; a bad value names its key and line.</summary>
public sealed class ServingLogValidationTests
{
    [Fact]
    public void Load_NoServingLog_DefaultsToFsyncInRecurLog()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\n"));

        Assert.Equal(("fsync", ".recur/log", 256, 0.0), (config.Serving.Log.Durability, config.Serving.Log.Dir, config.Serving.Log.MaxPendingMb, config.Serving.Log.GroupCommitMaxMs));
        Assert.Equal(100.0, config.Serving.Log.DrainIntervalMs);
    }

    [Theory]
    [InlineData("durability: sometimes", "serving.log.durability", "one of: fsync, none")]
    [InlineData("max_pending_mb: 0", "serving.log.max_pending_mb", "at least 1")]
    [InlineData("group_commit_max_ms: -1", "serving.log.group_commit_max_ms", "[0, 1000]")]
    [InlineData("drain_interval_ms: 60001", "serving.log.drain_interval_ms", "[0, 60000]")]
    public void Load_BadServingLogSetting_NamesTheKeyAndItsLine(string setting, string key, string expected)
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", $"name: m\nserving:\n  log:\n    {setting}\n")));

        Assert.Equal(key, e.Field);
        Assert.Contains("line 4", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
