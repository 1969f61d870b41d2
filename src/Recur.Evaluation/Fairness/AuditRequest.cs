namespace Recur.Evaluation.Fairness;

/// <summary>
/// Which columns of an <see cref="AuditFile"/> hold what: the label, the decision (a prediction column, a
/// score and threshold, or an expression) and the sensitive columns.
/// </summary>
public sealed record AuditRequest
{
    /// <summary>The true label's column.</summary>
    public required string Label { get; init; }

    /// <summary>The label value that is positive; null to read 0/1, true/false or yes/no.</summary>
    public string? Positive { get; init; }

    /// <summary>A column holding each row's predicted class.</summary>
    public string? Prediction { get; init; }

    /// <summary>The predicted value that is positive; null to read 0/1, true/false or yes/no.</summary>
    public string? PredictedPositive { get; init; }

    /// <summary>A column of predicted probabilities in [0, 1]: the decision with <see cref="Threshold"/>, and calibration.</summary>
    public string? Score { get; init; }

    /// <summary>Score at or above which a row is predicted positive (with <see cref="Score"/> alone; default 0.5).</summary>
    public double? Threshold { get; init; }

    /// <summary>An expression (<see cref="Recur.Core.Expressions.DecisionExpression"/>) true for rows predicted positive.</summary>
    public string? PositiveWhen { get; init; }

    /// <summary>The sensitive columns.</summary>
    public required IReadOnlyList<string> Sensitive { get; init; }
}
