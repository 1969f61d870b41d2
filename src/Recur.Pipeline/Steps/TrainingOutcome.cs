using Recur.Core.Modeling;
using Recur.Core.Registry;
using Recur.Evaluation.Metrics;
using Recur.Registry.Gates;

namespace Recur.Pipeline.Steps;

/// <summary>What a training run produced and decided.</summary>
public sealed record TrainingOutcome(
    IReadOnlyList<string> Snapshots,
    int TrainRows,
    int ValidationRows,
    int EvaluationRows,
    IReadOnlyDictionary<string, double> Baseline,
    IReadOnlyDictionary<string, double> Candidate,
    IReadOnlyDictionary<string, double> Validation,
    ModelVersion? Champion,
    IReadOnlyDictionary<string, double>? ChampionMetrics,
    GateDecision Gate,
    ModelVersion? Registered,
    ModelVersion? SameAs = null,
    int GateAttempts = 1)
{
    /// <summary>The task trained.</summary>
    public ModelTask Task { get; init; } = ModelTask.Binary;

    /// <summary>The metric the gates compared.</summary>
    public string Metric { get; init; } = "auc";

    /// <summary>The importance-weighted retrain against the plain one, when the retrain adapted to covariate shift; else null.</summary>
    public ShiftComparison? Shift { get; init; }

    /// <summary>The slices of the evaluation rows where the candidate errs most significantly (error analysis).</summary>
    public Evaluation.Slices.ErrorAnalysis? Slices { get; init; }

    /// <summary>The decision policy chosen for the candidate (recur.yaml <c>decision:</c>), recorded beside the version when registered; null when none is declared.</summary>
    public PolicyOutcome? Policy { get; init; }

    /// <summary>The threshold chosen for a skewed binary label (rebalancing); null when the label is not skewed.</summary>
    public SkewThreshold? Skew { get; init; }

    /// <summary>Every heuristic baseline on the evaluation rows; <see cref="Baseline"/> is the best of them.</summary>
    public IReadOnlyList<BaselineResult> Baselines { get; init; } = [];

    /// <summary>Every trainer fitted, with its validation metrics; the chosen one is the candidate the gate judged.</summary>
    public IReadOnlyList<CandidateResult> Candidates { get; init; } = [];

    /// <summary>The cascade candidate's routing share and per-branch metrics on the evaluation rows (framing.cascade); null when none was fitted.</summary>
    public Framing.Cascade.CascadeReport? Cascade { get; init; }

    /// <summary>Why the chosen candidate was chosen (<see cref="CandidateSelection.Why"/>).</summary>
    public string ChosenBecause => CandidateSelection.Why(Candidates, Metric);

    /// <summary>Every candidate side by side on the evaluation rows, intervals' coverage included (framing.reframe.compare, --compare-framings); null when not asked.</summary>
    public Framing.FramingComparison? Framings { get; init; }

    /// <summary>The candidate's confusion matrix on the evaluation rows (classification; null for regression).</summary>
    public ConfusionMatrix? Confusion { get; init; }

    /// <summary>Each feature group's contribution to <see cref="Metric"/> (<c>--ablate</c>); empty when not asked.</summary>
    public IReadOnlyList<AblationResult> Ablation { get; init; } = [];

    /// <summary>The feature groups the model was trained without (<c>--drop</c>).</summary>
    public IReadOnlyList<string> DroppedGroups { get; init; } = [];

    /// <summary>The candidate's boundary test on the evaluation rows (<see cref="RobustnessStep"/>); null when not measured.</summary>
    public Evaluation.Robustness.RobustnessResult? Robustness { get; init; }

    /// <summary>Plain-word warnings about the inputs (<see cref="FeatureNotes"/>), e.g. a text column with a distinct value per row.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The candidate's fairness lens on the evaluation rows (<c>sensitive:</c>, binary tasks); null otherwise.</summary>
    public Evaluation.Fairness.FairnessReport? Fairness { get; init; }

    /// <summary>The explainable surrogate fitted beside the candidate (training.surrogate), with its fidelity; null when off.</summary>
    public Core.Modeling.Surrogates.SurrogateTree? Surrogate { get; init; }

    /// <summary>What the neutral answers buy on the evaluation rows (framing.neutral); null when not declared.</summary>
    public Framing.Neutral.NeutralReport? Neutral { get; init; }

    /// <summary>The error on the full grid (framing.overfit); null when the mode is off.</summary>
    public Framing.Overfit.GridError? Overfit { get; init; }

    /// <summary>The chosen trainer's learning curve with its diagnosis (evaluation.learning_curve.enabled); null when off.</summary>
    public Curves.LearningCurveResult? LearningCurve { get; init; }

    /// <summary>The promotion metric across the model's runs, this one included (set by the caller once the run is recorded); null when not read.</summary>
    public Runs.ProgressChart? Progress { get; init; }
}

/// <summary>One heuristic baseline's metrics on the evaluation rows.</summary>
public sealed record BaselineResult(string Name, string Description, IReadOnlyDictionary<string, double> Metrics, string Comparison);

