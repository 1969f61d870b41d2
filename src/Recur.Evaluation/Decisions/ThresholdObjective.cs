using System.Globalization;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Evaluation.Decisions;

/// <summary>What a decision threshold is chosen for: the highest expected value, or a floor on precision or recall.</summary>
/// <param name="Kind"><c>expected_value</c>, <c>precision</c> or <c>recall</c>.</param>
/// <param name="Floor">For precision or recall, the value to reach.</param>
public sealed record ThresholdObjective(string Kind, double Floor)
{
    /// <summary>Maximise the mean value per decision.</summary>
    public static readonly ThresholdObjective ExpectedValue = new("expected_value", 0);

    /// <summary>
    /// Parses <c>expected_value</c>, <c>precision &gt;= 0.9</c> or <c>recall &gt;= 0.8</c>; the error names
    /// <paramref name="setting"/> and what was expected.
    /// </summary>
    public static ThresholdObjective Parse(string text, string setting)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        if (t is "expected_value" or "max_expected_value" or "value") return ExpectedValue;
        var at = t.IndexOf(">=", StringComparison.Ordinal);
        if (at > 0)
        {
            var kind = t[..at].Trim();
            var number = t[(at + 2)..].Trim();
            if (kind is not ("precision" or "recall")) throw RecurException.Invalid($"{setting}: '{text}': only precision or recall can have a floor (e.g. 'precision >= 0.9')", setting);
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var floor) || floor is not (> 0 and <= 1))
            {
                throw RecurException.Invalid($"{setting}: '{text}': the floor '{number}' must be a number in (0, 1]", setting);
            }
            return new ThresholdObjective(kind, floor);
        }
        throw RecurException.Invalid($"{setting}: '{text}' is not an objective (expected_value, 'precision >= P' or 'recall >= R')", setting);
    }

    /// <summary>The objective as recur.yaml writes it.</summary>
    public override string ToString() => Kind == "expected_value" ? Kind : string.Create(CultureInfo.InvariantCulture, $"{Kind} >= {Floor}");

    /// <summary>
    /// The outcome values a <c>decision:</c> section declares: its <c>values</c> (keys tp, fp, tn, fn, missing ones 0) or its
    /// 2 × 2 <c>cost_matrix</c> (rows the truth, columns the prediction, negative first; value = −cost); null when neither.
    /// </summary>
    public static OutcomeValues? Values(IReadOnlyDictionary<string, double> values, IReadOnlyList<IReadOnlyList<double>> costMatrix)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(costMatrix);
        if (values.Count > 0 && costMatrix.Count > 0) throw RecurException.Invalid("decision: give values or cost_matrix, not both", "decision.values");
        if (costMatrix.Count > 0)
        {
            if (costMatrix.Count != 2 || costMatrix.Any(r => r.Count != 2))
            {
                throw RecurException.Invalid($"decision.cost_matrix: a binary model needs 2 rows of 2 costs (rows the true class, columns the predicted class, negative first), not {costMatrix.Count} row(s) of [{string.Join(", ", costMatrix.Select(r => r.Count))}]", "decision.cost_matrix");
            }
            // 0 - cost, not -cost: a zero cost is a value of 0, not -0.
            return new OutcomeValues(0 - costMatrix[1][1], 0 - costMatrix[0][1], 0 - costMatrix[0][0], 0 - costMatrix[1][0]);
        }
        if (values.Count == 0) return null;
        string[] known = ["tp", "fp", "tn", "fn"];
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw RecurException.Invalid($"decision.values: '{unknown}' is not an outcome (tp, fp, tn, fn)", "decision.values");
        }
        if (values.FirstOrDefault(p => !double.IsFinite(p.Value)) is { Key: not null } bad) throw RecurException.Invalid($"decision.values.{bad.Key} must be a finite number", "decision.values");
        return new OutcomeValues(values.GetValueOrDefault("tp"), values.GetValueOrDefault("fp"), values.GetValueOrDefault("tn"), values.GetValueOrDefault("fn"));
    }
}
