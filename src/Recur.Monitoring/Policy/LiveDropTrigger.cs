namespace Recur.Monitoring.Policy;

/// <summary>Fires when the champion's live metric (feedback join) fell below its evaluation value beyond the interval.</summary>
public sealed class LiveDropTrigger(double tolerance, int minRows) : ILoopTrigger
{
    /// <inheritdoc />
    public string Name => "live_drop";

    /// <inheritdoc />
    public TriggerResult Evaluate(LoopSignals signals)
    {
        if (signals.Evaluation is not { } reference) return new(Name, false, "the champion has no recorded evaluation value of the metric", new Dictionary<string, double>());
        if (signals.Live is not { } live) return new(Name, false, "no feedback for the champion since the last retrain", new Dictionary<string, double> { ["live_rows"] = 0 });
        var (dropped, why, numbers) = PerformanceDrop.Judge(live, reference, signals.LowerIsBetter, tolerance, minRows, "live");
        return new(Name, dropped, why, numbers);
    }
}
