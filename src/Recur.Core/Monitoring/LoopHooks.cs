namespace Recur.Core.Monitoring;

/// <summary>
/// A label-free estimate of a version's metric on its recent predictions (CBPE for classification, DLE for
/// regression), with its interval.
/// </summary>
/// <param name="Metric">The metric estimated (e.g. <c>auc</c>, <c>rmse</c>).</param>
/// <param name="Value">The estimate.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Rows">The predictions the estimate stands on.</param>
public sealed record PerformanceEstimate(string Metric, double Value, double Low, double High, int Rows);

/// <summary>
/// Estimates a version's live performance before its labels arrive. The loop's <c>estimated_drop</c> trigger asks it;
/// when no implementation is registered, that trigger reports that it is not wired and never fires.
/// </summary>
public interface IPerformanceEstimator
{
    /// <summary>The estimate of <paramref name="metric"/> for a version's predictions since a time; null when it cannot estimate it.</summary>
    Task<PerformanceEstimate?> EstimateAsync(string model, int version, string metric, DateTimeOffset? since, CancellationToken ct = default);
}

/// <summary>
/// A source of feedback the loop polls at the start of every tick (a watched folder, a table), so labels that
/// arrived outside the REST API are joined before the loop judges anything.
/// </summary>
public interface IFeedbackPoller
{
    /// <summary>Moves new feedback into the feedback store; returns how many labels were taken in.</summary>
    Task<int> PollAsync(string model, CancellationToken ct = default);
}
