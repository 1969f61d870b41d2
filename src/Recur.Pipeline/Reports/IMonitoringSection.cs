using Recur.Monitoring.Incremental;

namespace Recur.Pipeline.Reports;

/// <summary>
/// A section of the monitoring report beyond the built-in ones (live metrics, drift, prediction drift, feedback):
/// the canary comparison and the loop's decisions plug in here.
/// </summary>
public interface IMonitoringSection
{
    /// <summary>The section's heading.</summary>
    string Title { get; }

    /// <summary>The section's body as HTML (inline SVG allowed, no scripts or external assets), from the run's answer.</summary>
    string Html(MonitoringRun run);
}
