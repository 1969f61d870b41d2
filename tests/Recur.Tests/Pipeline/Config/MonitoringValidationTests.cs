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
    [InlineData("min_rows_per_test: 0", "monitoring.min_rows_per_test")]
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

    [Theory]
    [InlineData("test: anova", "monitoring.columns.age.test", "'anova' is not a drift test")]
    [InlineData("threshold: -0.1", "monitoring.columns.age.threshold", "must be a positive number")]
    [InlineData("test: ks\n      threshold: 2", "monitoring.columns.age.threshold", "significance level of ks")]
    public void Load_BadColumnRule_FailsNamingTheKeyAndLine(string rule, string key, string problem)
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", $"name: m\nlabel: y\nmonitoring:\n  columns:\n    age:\n      {rule.Replace("\\n", "\n")}\n")));

        Assert.Equal(key, e.Field);
        Assert.StartsWith("recur.yaml: line ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Load_ColumnRulesAndBh_AreAccepted()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\nlabel: y\nmonitoring:\n  correction: bh\n  min_rows_per_test: 50\n  columns:\n    age: {test: wasserstein, threshold: 0.2}\n"));

        Assert.Equal(("bh", 50, "wasserstein", 0.2), (config.Monitoring.Correction, config.Monitoring.MinRowsPerTest, config.Monitoring.Columns["age"].Test, config.Monitoring.Columns["age"].Threshold));
    }
}
