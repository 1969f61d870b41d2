namespace Recur.Core.Project;

/// <summary>
/// The boundary test run with every training (and by <c>recur robustness</c>): evaluation rows near the decision
/// boundary are perturbed in small, irrelevant ways, and the share whose decision does not change is the robustness
/// score. <see cref="PromotionConfig.MinRobustness"/> turns it into a gate.
/// </summary>
public sealed class RobustnessConfig
{
    /// <summary>
    /// A row is near the boundary when its score is within this of the threshold (binary) or its two most probable
    /// classes are within this of each other (multiclass). In (0, 1].
    /// </summary>
    public double Band { get; set; } = 0.1;

    /// <summary>At most this many near-boundary rows are tested, the closest first. At least 1.</summary>
    public int MaxRows { get; set; } = 500;

    /// <summary>A numeric nudge's step as a share of the column's interquartile range over the training rows (a column whose middle half is one value is not nudged). Positive.</summary>
    public double Nudge { get; set; } = 0.01;
}
