using Recur.Core.Monitoring;
using Recur.Monitoring.Drift;

namespace Recur.Monitoring.Policy;

/// <summary>A metric's value with its interval and the rows it stands on.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Value">The value.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Rows">The rows it was measured on.</param>
public sealed record MetricInterval(string Metric, double Value, double Low, double High, int Rows);

/// <summary>What the loop knows at the start of a decision; each trigger reads the part it needs.</summary>
public sealed record LoopSignals
{
    /// <summary>Now, on the project's clock.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>When the champion was last retrained (or registered); null when unknown.</summary>
    public DateTimeOffset? LastRetrainAt { get; init; }

    /// <summary>Drift of the logged inputs since the last retrain; null when nothing was logged.</summary>
    public DriftReport? Drift { get; init; }

    /// <summary>The champion's live metric from the feedback join since the last retrain; null without feedback.</summary>
    public MetricInterval? Live { get; init; }

    /// <summary>The champion's metric on its evaluation rows when it was registered; null when not recorded.</summary>
    public MetricInterval? Evaluation { get; init; }

    /// <summary>Whether a label-free estimator is wired in.</summary>
    public bool EstimatorWired { get; init; }

    /// <summary>The estimator's answer for the champion; null when it had none (or none is wired).</summary>
    public PerformanceEstimate? Estimate { get; init; }

    /// <summary>Whether the compared metric improves downwards (rmse, log_loss, …).</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>Labelled logged rows that arrived since the last retrain.</summary>
    public int NewLabelledRows { get; init; }
}
