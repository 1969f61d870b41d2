namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>framing.neutral</c>: a "maybe" class. Off until declared. Declared one of three ways:
/// from the label data (<see cref="Value"/>, or <see cref="AgreementColumn"/> below <see cref="MinAgreement"/>), from a
/// value band of a score column (<see cref="ScoreColumn"/> inside <see cref="Band"/>), both trained as a class of their
/// own named "neutral" (the task becomes multiclass); or as an abstain band on the model's own score chosen on the
/// validation rows for <see cref="TargetPrecision"/> (binary tasks). Served as <c>label: "neutral"</c> with a reason.
/// </summary>
public sealed class NeutralConfig
{
    /// <summary>The name of the neutral class in the model, its answers and the logs.</summary>
    public const string Label = "neutral";

    /// <summary>A label value that means "maybe" (e.g. <c>maybe</c>); those rows are the neutral class.</summary>
    public string? Value { get; set; }

    /// <summary>A column holding the labellers' agreement (a share in [0, 1]); rows below <see cref="MinAgreement"/> are neutral.</summary>
    public string? AgreementColumn { get; set; }

    /// <summary>The least agreement a row needs to keep its label (with <see cref="AgreementColumn"/>).</summary>
    public double? MinAgreement { get; set; }

    /// <summary>A numeric column whose value band (<see cref="Band"/>) marks the neutral rows, e.g. a 1–5 rating.</summary>
    public string? ScoreColumn { get; set; }

    /// <summary>The band [lo, hi] of <see cref="ScoreColumn"/>, both ends included, whose rows are neutral.</summary>
    public List<double> Band { get; set; } = [];

    /// <summary>
    /// An abstain band on the model's score: the precision of the decisions (the share of decided rows answered right)
    /// the band must reach on the validation rows, abstaining on as few rows as it can.
    /// </summary>
    public double? TargetPrecision { get; set; }

    /// <summary>The fewest validation rows each side of an abstain band (decided positive, decided negative) must keep, so the precision is measured, not luck.</summary>
    public int MinDecided { get; set; } = 20;

    /// <summary>Whether the neutral class is declared from the label data (value, agreement or score band).</summary>
    public bool FromLabels => Value is not null || AgreementColumn is not null || ScoreColumn is not null;

    /// <summary>Whether an abstain band on the model's score is declared.</summary>
    public bool Abstains => TargetPrecision is not null;

    /// <summary>Whether any form is declared.</summary>
    public bool Declared => FromLabels || Abstains;
}
