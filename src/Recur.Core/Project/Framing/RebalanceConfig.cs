namespace Recur.Core.Project;

/// <summary>
/// recur.yaml: Rebalancing a skewed label (framing.rebalance). Off until <see cref="Methods"/> names a method; the
/// skew-aware metrics (<see cref="MinorityBelow"/>, <see cref="Beta"/>, <see cref="PrecisionAt"/>) apply to every
/// classification run whose minority class is rare, declared or not.
/// </summary>
public sealed class RebalanceConfig
{
    /// <summary>The rebalanced candidates to fit beside the plain ones: <c>class_weights</c>, <c>downsample</c>, <c>upsample</c>.</summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>
    /// class_weights: the weight of each named class (others weigh 1), e.g. <c>{bad: 5}</c>; empty for inverse
    /// frequency (each class weighs rows / (classes × its rows), so every class carries the same total weight).
    /// </summary>
    public Dictionary<string, double> Weights { get; set; } = [];

    /// <summary>downsample: the number of models, each fitted on its own seeded down-sample, averaged into one model (at least 1).</summary>
    public int Models { get; set; } = 5;

    /// <summary>downsample: majority rows kept per minority row, from 1 (balanced) to 100.</summary>
    public double DownsampleRatio { get; set; } = 1;

    /// <summary>upsample: majority rows per minority row after the minority rows are duplicated, from 1 (balanced) to 100.</summary>
    public double UpsampleRatio { get; set; } = 1;

    /// <summary>The skew-aware metrics are reported when the rarest class's share of the rows is below this (default 0.2).</summary>
    public double MinorityBelow { get; set; } = 0.2;

    /// <summary>
    /// The β of F-beta (recall weighs β times as much as precision). 0, the default, takes √(cost of a false negative
    /// ÷ cost of a false positive) from <c>decision.cost_matrix</c> when one is declared, else 2.
    /// </summary>
    public double Beta { get; set; }

    /// <summary>The precision at which recall is reported (<c>recall_at_precision</c>), default 0.8.</summary>
    public double PrecisionAt { get; set; } = 0.8;

    /// <summary>
    /// How the skew threshold is chosen on the validation rows: <c>f_beta</c> (the threshold with the highest F-beta,
    /// the default) or <c>recall_at_precision</c> (the lowest threshold whose precision reaches <see cref="PrecisionAt"/>).
    /// </summary>
    public string ThresholdFor { get; set; } = "f_beta";

    /// <summary>Whether any rebalancing method is declared.</summary>
    public bool Declared => Methods.Count > 0;
}
