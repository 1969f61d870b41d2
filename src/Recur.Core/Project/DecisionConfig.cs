namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>decision:</c>, the business side of a binary model's decision, kept apart from the model: what each
/// outcome is worth and how to choose the threshold. Give <see cref="Values"/> or <see cref="CostMatrix"/>, not both.
/// </summary>
public sealed class DecisionConfig
{
    /// <summary>Value of each outcome (<c>tp</c>, <c>fp</c>, <c>tn</c>, <c>fn</c>), costs negative, e.g. <c>{tp: 0, fp: -5, tn: 0, fn: -1}</c>.</summary>
    public Dictionary<string, double> Values { get; set; } = [];

    /// <summary>
    /// Costs as a 2 × 2 matrix, rows the true class and columns the predicted class, negative class first:
    /// <c>[[0, 1], [5, 0]]</c> means a false positive costs 1 and a false negative 5. Read as values = −cost.
    /// </summary>
    public List<List<double>> CostMatrix { get; set; } = [];

    /// <summary>
    /// How the threshold is chosen on the validation rows: <c>expected_value</c> (the default when values are given:
    /// the threshold with the highest mean value per decision), <c>precision &gt;= P</c> (the highest recall meeting that
    /// precision) or <c>recall &gt;= R</c> (the highest precision meeting that recall). Empty: keep evaluation.threshold.
    /// </summary>
    public string Objective { get; set; } = "";

    /// <summary>Whether anything was declared.</summary>
    public bool Declared => Values.Count > 0 || CostMatrix.Count > 0 || Objective.Length > 0;
}
