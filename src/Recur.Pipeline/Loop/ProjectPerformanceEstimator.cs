using Recur.Core.Monitoring;
using Recur.Monitoring.Live;
using Recur.Pipeline.Live;

namespace Recur.Pipeline.Loop;

/// <summary>
/// The loop's label-free estimator over a project: the version's predictions since a time as one window, estimated by
/// CBPE (classification) or the error model (regression) of <see cref="PerformanceEstimationStep"/>.
/// </summary>
internal sealed class ProjectPerformanceEstimator(RecurProject project) : IPerformanceEstimator
{
    /// <inheritdoc />
    public async Task<PerformanceEstimate?> EstimateAsync(string model, int version, string metric, DateTimeOffset? since, CancellationToken ct = default)
    {
        var report = await PerformanceEstimationStep.EstimateAsync(project, PerformanceWindow.All, new LiveSelection(since, null, version), ct);
        var window = report.Windows.LastOrDefault(w => w.Version == version);
        var estimate = window?.Metrics.FirstOrDefault(m => m.Metric == metric)?.Estimate;
        return estimate is null ? null : new PerformanceEstimate(metric, estimate.Value, estimate.Low, estimate.High, window!.Rows);
    }
}

/// <summary>The watched feedback folder (<c>monitoring.feedback.source</c>), polled at the start of every loop tick.</summary>
internal sealed class ProjectFeedbackPoller(RecurProject project) : IFeedbackPoller
{
    /// <inheritdoc />
    public async Task<int> PollAsync(string model, CancellationToken ct = default) =>
        (await Feedback.FeedbackSource.PollAsync(project, ct)).Counts.Received;
}
