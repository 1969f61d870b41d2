using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing;

/// <summary>
/// One problem framing (recur.yaml <c>framing:</c>) that adds candidates to a training run: an ensemble of the declared
/// trainers, a cascade, a reframed target, a rebalanced fit. Its candidates are compared with the plain ones on the
/// validation split by the promotion metric; the best of all goes to the gate. Registered in <see cref="FramingCatalog"/>.
/// </summary>
public interface IFraming
{
    /// <summary>The name listed beside its candidates, e.g. "stacking".</summary>
    string Name { get; }

    /// <summary>Whether recur.yaml declares it.</summary>
    bool IsDeclared(ProjectConfig config);

    /// <summary>
    /// Whether recur.yaml asks for this framing's best candidate to go to the gate even when a plain one scores better
    /// (<c>framing.prefer: NAME</c>, or framing.reframe.prefer to serve a distribution).
    /// </summary>
    bool IsPreferred(ProjectConfig config) => string.Equals(config.Framing.Prefer, Name, StringComparison.Ordinal);

    /// <summary>
    /// Checks the declaration against the data before the split and any fitting; a mistake throws a
    /// <see cref="Core.RecurException"/> naming the recur.yaml key (and the offending value).
    /// </summary>
    void Check(ProjectConfig config, FeaturePlan plan, DataTable data);

    /// <summary>Fits the framing's candidates on the training split (never on the validation or evaluation rows' labels).</summary>
    IReadOnlyList<FramedCandidate> Fit(FramingContext context);
}

/// <summary>What a framing fits its candidates from.</summary>
/// <param name="Config">The project's configuration.</param>
/// <param name="Plan">Features, label and task.</param>
/// <param name="Train">The training split.</param>
/// <param name="Validation">The validation split (for choices such as thresholds; its metrics are measured by the caller).</param>
/// <param name="Chain">The feature chain fitted on the training split, shared by every candidate; null for none.</param>
/// <param name="Choices">The declared trainers, in order.</param>
/// <param name="Bases">The plain candidates already fitted, one per choice, in the same order.</param>
/// <param name="Threads">Threads a learner may use.</param>
/// <param name="Metric">The promotion metric candidates are compared on.</param>
public sealed record FramingContext(
    ProjectConfig Config, FeaturePlan Plan, DataTable Train, DataTable Validation, FeatureChain? Chain,
    IReadOnlyList<TrainerChoice> Choices, IReadOnlyList<TrainedModel> Bases, int Threads, string Metric)
{
    /// <summary>The decision threshold of binary models.</summary>
    public double Threshold => Config.Evaluation.Threshold;

    /// <summary>The project's seed.</summary>
    public int Seed => Config.Seed;

    /// <summary>The project folder, for framings that keep state under <c>.recur/</c> (the search's trial journal); null in memory.</summary>
    public string? ProjectRoot { get; init; }

    /// <summary>The project's clock (a framing's time budget, e.g. training.search.seconds, is measured on it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>One candidate a framing fitted.</summary>
/// <param name="Framing">The framing's name.</param>
/// <param name="Model">The fitted model (usually composed: see <see cref="TrainedModel.Compose"/>).</param>
/// <param name="Description">One line: what it is, e.g. "stacking of lightgbm, sdca with an lbfgs meta-learner on 5-fold out-of-fold scores".</param>
public sealed record FramedCandidate(string Framing, TrainedModel Model, string Description);
