namespace Recur.Core.Registry;

/// <summary>
/// The value of each outcome of a binary decision, in the business's unit (money, hours, …): a cost is negative.
/// </summary>
/// <param name="TruePositive">Value of predicting positive for a positive row.</param>
/// <param name="FalsePositive">Value of predicting positive for a negative row.</param>
/// <param name="TrueNegative">Value of predicting negative for a negative row.</param>
/// <param name="FalseNegative">Value of predicting negative for a positive row.</param>
public sealed record OutcomeValues(double TruePositive, double FalsePositive, double TrueNegative, double FalseNegative);

/// <summary>
/// How a binary model's score becomes a decision (Distinguish Business Logic from ML Model): the threshold, how it was
/// chosen, and the outcome values it was chosen for. Kept beside a model version in the registry, never inside its
/// artifact, so changing it needs no retraining.
/// </summary>
/// <param name="Threshold">Predict the positive class when the score is at or above this.</param>
/// <param name="Objective">How the threshold was chosen: <c>expected_value</c>, <c>precision &gt;= 0.9</c>, <c>recall &gt;= 0.8</c>, or <c>fixed</c>.</param>
/// <param name="Values">The outcome values (for <c>expected_value</c>, and to report the value of any threshold); null if none declared.</param>
public sealed record DecisionPolicy(double Threshold, string Objective, OutcomeValues? Values);

/// <summary>One recorded change of a version's decision policy: what it became, who changed it, when, why, and the numbers.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Version">The model version the policy belongs to.</param>
/// <param name="Revision">1 for the first policy of the version, then one more per change.</param>
/// <param name="Policy">The policy from this revision on.</param>
/// <param name="ChangedAt">When it was recorded (the store's clock).</param>
/// <param name="ChangedBy">Who recorded it (the user, or <c>recur train</c>).</param>
/// <param name="Reason">Why, in the changer's words.</param>
/// <param name="Evidence">The numbers behind it: value per decision with its interval, precision, recall, rows.</param>
public sealed record PolicyRevision(string Model, int Version, int Revision, DecisionPolicy Policy, DateTimeOffset ChangedAt, string ChangedBy, string Reason, IReadOnlyDictionary<string, double> Evidence);

/// <summary>Stores the decision policy of each model version, every change kept as a new revision.</summary>
public interface IPolicyStore
{
    /// <summary>Records a new revision of a version's policy (the version must exist) and returns it.</summary>
    Task<PolicyRevision> SetAsync(string model, int version, DecisionPolicy policy, string changedBy, string reason, IReadOnlyDictionary<string, double> evidence, CancellationToken ct = default);

    /// <summary>The version's current policy revision, or null when none was ever recorded.</summary>
    Task<PolicyRevision?> CurrentAsync(string model, int version, CancellationToken ct = default);

    /// <summary>Every revision, of one version or (null) of every version of the model, oldest first.</summary>
    Task<IReadOnlyList<PolicyRevision>> HistoryAsync(string model, int? version = null, CancellationToken ct = default);
}
