using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

/// <summary>recur.yaml's monitoring section, checked when the file loads (through <see cref="ProjectConfigLoader"/>).</summary>
public sealed class MonitoringValidationTests
{
    [Theory]
    [InlineData("p_value: 1.5", "monitoring.p_value")]
    [InlineData("p_value: 0", "monitoring.p_value")]
    [InlineData("distance_threshold: -0.1", "monitoring.distance_threshold")]
    [InlineData("retrain_drift_share: 0", "monitoring.retrain_drift_share")]
    [InlineData("correction: holm", "monitoring.correction")]
    [InlineData("min_rows: 0", "monitoring.min_rows")]
    [InlineData("test_reference_max_rows: -1", "monitoring.test_reference_max_rows")]
    [InlineData("window: 2 weeks", "monitoring.window")]
    public void Load_DriftSettingThatCannotWork_FailsNamingTheKeyAndLine(string setting, string key)
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", $"name: m\nlabel: y\nmonitoring:\n  {setting}\n")));

        Assert.Equal(key, e.Field);
        Assert.StartsWith("recur.yaml: line 4, column ", e.Message);
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public void Load_DefaultMonitoring_IsAccepted()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\nlabel: y\nmonitoring:\n  correction: none\n"));

        Assert.Equal("none", config.Monitoring.Correction);
    }
}
