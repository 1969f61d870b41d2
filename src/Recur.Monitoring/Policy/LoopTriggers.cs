using Recur.Core.Project;

namespace Recur.Monitoring.Policy;

/// <summary>The catalogue of triggers: the ones <c>loop.triggers</c> turns on, in a fixed order.</summary>
public static class LoopTriggers
{
    /// <summary>The names of every trigger, in evaluation order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["drift", "live_drop", "estimated_drop", "schedule", "new_labels"];

    /// <summary>The triggers turned on by <paramref name="loop"/> (a drift trigger without a share takes <c>monitoring.retrain_drift_share</c>).</summary>
    public static IReadOnlyList<ILoopTrigger> From(LoopConfig loop, MonitoringConfig monitoring)
    {
        var t = loop.Triggers;
        var list = new List<ILoopTrigger>();
        if (t.Drift is { } d) list.Add(new DriftTrigger(d.Share ?? monitoring.RetrainDriftShare, monitoring.MinRows));
        if (t.LiveDrop is { } l) list.Add(new LiveDropTrigger(l.Tolerance, l.MinRows));
        if (t.EstimatedDrop is { } e) list.Add(new EstimatedDropTrigger(e.Tolerance, e.MinRows));
        if (t.Schedule is { } s) list.Add(new ScheduleTrigger(LoopDuration.Parse(s.Every, "loop.triggers.schedule.every")));
        if (t.NewLabels is { } n) list.Add(new NewLabelsTrigger(n.Rows));
        return list;
    }
}
