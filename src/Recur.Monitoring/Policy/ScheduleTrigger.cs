using Recur.Core.Project;

namespace Recur.Monitoring.Policy;

/// <summary>Fires when <paramref name="every"/> has passed since the last retrain, on the project's clock.</summary>
public sealed class ScheduleTrigger(TimeSpan every) : ILoopTrigger
{
    /// <inheritdoc />
    public string Name => "schedule";

    /// <inheritdoc />
    public TriggerResult Evaluate(LoopSignals signals)
    {
        if (signals.LastRetrainAt is not { } last) return new(Name, true, "no retrain on record", new Dictionary<string, double> { ["every_hours"] = every.TotalHours });
        var since = signals.Now - last;
        var numbers = new Dictionary<string, double> { ["hours_since"] = Math.Round(since.TotalHours, 4), ["every_hours"] = every.TotalHours };
        return since >= every
            ? new(Name, true, $"{LoopDuration.Format(every)} passed since the last retrain ({since.TotalHours:0.##} h ago)", numbers)
            : new(Name, false, $"the last retrain was {since.TotalHours:0.##} h ago; the schedule is every {LoopDuration.Format(every)}", numbers);
    }
}
