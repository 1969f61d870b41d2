namespace Recur.Core.Project;

/// <summary>
/// recur.yaml: Ensembles of the declared candidates (framing.ensemble). Off until <see cref="Methods"/> names one.
/// Boosting needs no section: the gradient-boosted trainers (lightgbm, fasttree) are boosting ensembles already.
/// </summary>
public sealed class EnsembleConfig
{
    /// <summary>The method names <see cref="Methods"/> accepts.</summary>
    public static readonly IReadOnlyList<string> KnownMethods = ["bagging", "stacking"];

    /// <summary>The meta-learners stacking accepts.</summary>
    public static readonly IReadOnlyList<string> KnownMetas = ["lbfgs", "sdca"];

    /// <summary>
    /// The ensembles to add as candidates: <c>bagging</c> (the first declared trainer fitted on <see cref="Bags"/> seeded
    /// bootstrap samples of the training split, averaged) and <c>stacking</c> (the declared candidates as base learners,
    /// a meta-learner on their out-of-fold scores). Empty (the default): off.
    /// </summary>
    public List<string> Methods { get; set; } = [];

    /// <summary>Bagging: how many bootstrap samples (members), at least 1. Default 5.</summary>
    public int Bags { get; set; } = 5;

    /// <summary>Stacking: how many folds give the out-of-fold scores the meta-learner is trained on, at least 2. Default 5.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>
    /// Stacking: the meta-learner, <c>lbfgs</c> (logistic regression) or <c>sdca</c>; empty picks lbfgs for
    /// classification and sdca (least squares) for regression, which lbfgs does not train.
    /// </summary>
    public string Meta { get; set; } = "";

    /// <summary>Whether recur.yaml declares this method.</summary>
    public bool Declares(string method) => Methods.Contains(method, StringComparer.Ordinal);
}
