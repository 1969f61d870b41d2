namespace Recur.Monitoring.Policy;

/// <summary>
/// Fires when the label-free estimate of the champion's metric fell below its evaluation value beyond the interval.
/// Never fires while no <see cref="Core.Monitoring.IPerformanceEstimator"/> is wired in, and says so.
/// </summary>
public sealed class EstimatedDropTrigger(double tolerance, int minRows) : ILoopTrigger
{
    /// <inheritdoc />
    public string Name => "estimated_drop";

    /// <inheritdoc />
    public TriggerResult Evaluate(LoopSignals signals)
    {
        if (!signals.EstimatorWired) return new(Name, false, "no performance estimator is wired in; this trigger is off", new Dictionary<string, double>());
        if (signals.Evaluation is not { } reference) return new(Name, false, "the champion has no recorded evaluation value of the metric", new Dictionary<string, double>());
        if (signals.Estimate is not { } e) return new(Name, false, "the estimator gave no estimate", new Dictionary<string, double>());
        var (dropped, why, numbers) = PerformanceDrop.Judge(new MetricInterval(e.Metric, e.Value, e.Low, e.High, e.Rows), reference, signals.LowerIsBetter, tolerance, minRows, "estimated");
        return new(Name, dropped, why, numbers);
    }
}
