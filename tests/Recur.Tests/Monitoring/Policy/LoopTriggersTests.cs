using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Monitoring.Drift;
using Recur.Monitoring.Policy;

namespace Recur.Tests.Monitoring.Policy;

public sealed class LoopTriggersTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static DriftReport Drift(int rows, params bool[] drifted) =>
        new([.. drifted.Select((d, i) => new FeatureDrift($"f{i}", "ks", 0.2, 0.01, 0.05, d))], 1000, rows, drifted.Count(d => d) / (double)drifted.Length, false);

    [Fact]
    public void Drift_ShareReached_FiresNamingTheFeatures()
    {
        var result = new DriftTrigger(0.25, 100).Evaluate(new LoopSignals { Now = Now, Drift = Drift(500, true, false, false, false) });

        Assert.True(result.Fired);
        Assert.Contains("f0", result.Why);
        Assert.Equal(0.25, result.Numbers["share"]);
    }

    [Fact]
    public void Drift_TooFewRows_StaysQuietAndSaysSo()
    {
        var result = new DriftTrigger(0.1, 100).Evaluate(new LoopSignals { Now = Now, Drift = Drift(40, true, true) });

        Assert.False(result.Fired);
        Assert.Contains("only 40 logged rows", result.Why);
    }

    [Fact]
    public void LiveDrop_IntervalBelowEvaluation_Fires()
    {
        var signals = new LoopSignals { Now = Now, Live = new("auc", 0.70, 0.66, 0.74, 400), Evaluation = new("auc", 0.80, 0.77, 0.83, 0) };

        var result = new LiveDropTrigger(0, 100).Evaluate(signals);

        Assert.True(result.Fired);
        Assert.Equal(0.74, result.Numbers["live_high"]);
    }

    [Fact]
    public void LiveDrop_IntervalCoversEvaluation_StaysQuiet()
    {
        var signals = new LoopSignals { Now = Now, Live = new("auc", 0.76, 0.70, 0.82, 400), Evaluation = new("auc", 0.80, 0.77, 0.83, 0) };

        Assert.False(new LiveDropTrigger(0, 100).Evaluate(signals).Fired);
    }

    [Fact]
    public void LiveDrop_ErrorMetricRoseBeyondInterval_Fires()
    {
        var signals = new LoopSignals { Now = Now, LowerIsBetter = true, Live = new("rmse", 12, 11, 13, 300), Evaluation = new("rmse", 9, 8.5, 9.5, 0) };

        Assert.True(new LiveDropTrigger(0, 100).Evaluate(signals).Fired);
    }

    [Fact]
    public void LiveDrop_DropWithinTolerance_StaysQuiet()
    {
        var signals = new LoopSignals { Now = Now, Live = new("auc", 0.75, 0.74, 0.76, 400), Evaluation = new("auc", 0.80, 0.77, 0.83, 0) };

        Assert.False(new LiveDropTrigger(0.1, 100).Evaluate(signals).Fired);
    }

    [Fact]
    public void EstimatedDrop_NoEstimatorWired_IsOffAndSaysSo()
    {
        var result = new EstimatedDropTrigger(0, 10).Evaluate(new LoopSignals { Now = Now, Evaluation = new("auc", 0.8, 0.78, 0.82, 0) });

        Assert.False(result.Fired);
        Assert.Contains("no performance estimator is wired in", result.Why);
    }

    [Fact]
    public void EstimatedDrop_EstimateBelowBeyondInterval_Fires()
    {
        var signals = new LoopSignals
        {
            Now = Now, EstimatorWired = true, Estimate = new PerformanceEstimate("auc", 0.6, 0.55, 0.65, 500), Evaluation = new("auc", 0.8, 0.78, 0.82, 0),
        };

        Assert.True(new EstimatedDropTrigger(0, 10).Evaluate(signals).Fired);
    }

    [Fact]
    public void Schedule_PeriodPassed_Fires()
    {
        var trigger = new ScheduleTrigger(TimeSpan.FromDays(1));

        Assert.True(trigger.Evaluate(new LoopSignals { Now = Now, LastRetrainAt = Now.AddHours(-25) }).Fired);
        Assert.False(trigger.Evaluate(new LoopSignals { Now = Now, LastRetrainAt = Now.AddHours(-23) }).Fired);
    }

    [Fact]
    public void NewLabels_ThresholdReached_Fires()
    {
        var trigger = new NewLabelsTrigger(100);

        Assert.True(trigger.Evaluate(new LoopSignals { Now = Now, NewLabelledRows = 100 }).Fired);
        Assert.False(trigger.Evaluate(new LoopSignals { Now = Now, NewLabelledRows = 99 }).Fired);
    }

    [Fact]
    public void From_DefaultConfig_TurnsOnDriftOnlyWithTheMonitoringShare()
    {
        var triggers = LoopTriggers.From(new LoopConfig(), new MonitoringConfig { RetrainDriftShare = 0.3 });

        var drift = Assert.IsType<DriftTrigger>(Assert.Single(triggers));
        Assert.False(drift.Evaluate(new LoopSignals { Now = Now, Drift = Drift(500, true, false, false, false) }).Fired);
    }

    [Fact]
    public void From_EveryTriggerDeclared_KeepsTheCatalogueOrder()
    {
        var loop = new LoopConfig
        {
            Triggers = new LoopTriggersConfig
            {
                LiveDrop = new(), EstimatedDrop = new(), Schedule = new() { Every = "2d" }, NewLabels = new() { Rows = 5 },
            },
        };

        Assert.Equal(LoopTriggers.Names, LoopTriggers.From(loop, new MonitoringConfig()).Select(t => t.Name));
    }
}
