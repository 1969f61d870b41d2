namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>framing:</c>, how the problem is represented (the problem-framing patterns): a regression reframed
/// over buckets, several labels per row, a neutral class, rebalancing of a skewed label, ensembles, a cascade, useful
/// overfitting. Each section is off until declared; declared framings add candidates (or change the task) and flow
/// through evaluation, the registry, serving and monitoring like any model.
/// </summary>
public sealed class FramingConfig
{
    /// <summary>Reframing: a regression target trained as classification over buckets, or a score regressed then thresholded.</summary>
    public ReframeConfig Reframe { get; set; } = new();

    /// <summary>Several labels per row, one output per label.</summary>
    public MultilabelConfig Multilabel { get; set; } = new();

    /// <summary>A "maybe" class: from the label data or an abstain band on the score.</summary>
    public NeutralConfig Neutral { get; set; } = new();

    /// <summary>Class weights, down-sampling with an ensemble, up-sampling; skew-aware metrics.</summary>
    public RebalanceConfig Rebalance { get; set; } = new();

    /// <summary>Bagging and stacking of the declared candidates.</summary>
    public EnsembleConfig Ensemble { get; set; } = new();

    /// <summary>A router model sending each row to a specialised model.</summary>
    public CascadeConfig Cascade { get; set; } = new();

    /// <summary>
    /// A framing whose best candidate goes to the gate even when a plain candidate scores better on validation (e.g.
    /// <c>stacking</c>, <c>cascade</c>, <c>bagging</c>); empty (the default): the best by the promotion metric. The
    /// candidates table and <c>chosen_because</c> still name the best by the metric alone.
    /// </summary>
    public string Prefer { get; set; } = "";

    /// <summary>Useful overfitting: data that covers the whole input space, fitted without hold-out or regularisation.</summary>
    public OverfitConfig Overfit { get; set; } = new();
}
