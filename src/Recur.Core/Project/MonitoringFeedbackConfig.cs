namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>monitoring.feedback</c>: how incoming labels are judged, where labels are watched for, and how many
/// a window of live performance needs. Durations are a number and a unit: <c>30s</c>, <c>5m</c>, <c>12h</c>, <c>7d</c>.
/// </summary>
public sealed class MonitoringFeedbackConfig
{
    /// <summary>A label this long or more after its prediction is counted as late (it is still used).</summary>
    public string LateAfter { get; set; } = "7d";

    /// <summary>A label more than this after its prediction is expired: counted, never joined.</summary>
    public string ExpireAfter { get; set; } = "90d";

    /// <summary>A label earlier than its prediction by more than this is clock skew: used with its time clamped, counted.</summary>
    public string SkewTolerance { get; set; } = "5m";

    /// <summary>A folder (or a glob such as <c>data/feedback/*.csv</c>) of label files, each ingested once; none by default.</summary>
    public string? Source { get; set; }

    /// <summary>The key column of the source's files.</summary>
    public string KeyColumn { get; set; } = "key";

    /// <summary>The label column of the source's files.</summary>
    public string LabelColumn { get; set; } = "label";

    /// <summary>The event-time column of the source's files; when absent from a file, labels take the time they were read.</summary>
    public string TimeColumn { get; set; } = "timestamp";

    /// <summary>Fewest labelled rows a window of live performance needs for a number (fewer: insufficient data).</summary>
    public int MinLabelled { get; set; } = 30;
}
