namespace Recur.Core.Project;

/// <summary>
/// <c>features.windows:</c> sliding-window features over an event stream (Windowed Inference): counts, sums, means,
/// standard deviations, extremes, z-scores and rates over the last N minutes/hours/days or the last N events,
/// optionally per entity, computed by one implementation for training rows and for live requests. A row's window
/// holds the events before it, never the row itself (see docs/design/windowed-inference.md).
/// </summary>
public sealed class WindowsConfig
{
    /// <summary>The event-time column: a date-time text (<c>yyyy-MM-dd HH:mm:ss</c>, ISO 8601) or a number of seconds.</summary>
    public string Time { get; set; } = "";

    /// <summary>An entity key column: each value has its own windows; empty for one stream.</summary>
    public string? By { get; set; }

    /// <summary>The window features, each written as a new column.</summary>
    public List<WindowFeatureConfig> Features { get; set; } = [];

    /// <summary>
    /// Hopping: refresh the features only at the first event of each period (<c>5m</c>, <c>1h</c>, or <c>10 events</c>)
    /// and hold them in between; empty to refresh at every event (sliding).
    /// </summary>
    public string? Every { get; set; }

    /// <summary>Most entities a live state keeps; past it the least recently seen entity is dropped.</summary>
    public int MaxEntities { get; set; } = 100_000;

    /// <summary>A live entity not seen for this long (<c>1d</c>) is dropped; empty to drop only past <see cref="MaxEntities"/>.</summary>
    public string? IdleAfter { get; set; }
}

/// <summary>One window feature of <see cref="WindowsConfig.Features"/>.</summary>
public sealed class WindowFeatureConfig
{
    /// <summary>The new column's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The numeric column summarised.</summary>
    public string Column { get; set; } = "";

    /// <summary>The aggregate: count, sum, mean, std, min, max, zscore or rate.</summary>
    public string Agg { get; set; } = "";

    /// <summary>The window's length: a time (<c>30s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>) or a number of events (<c>50 events</c>).</summary>
    public string Over { get; set; } = "";
}
