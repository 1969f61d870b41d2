using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Evaluation.Decisions;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of recur.yaml's <c>decision:</c> section (outcome values or a cost matrix of the right shape, an
/// objective that parses and has what it needs), and the policy it declares.
/// </summary>
public static class DecisionValidation
{
    /// <summary>Checks the section; the errors name the key.</summary>
    public static void Validate(DecisionConfig d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (!d.Declared) return;
        var values = Values(d);
        var objective = Objective(d);
        if (objective.Kind == "expected_value" && values is null)
        {
            throw RecurException.Invalid("recur.yaml: decision.objective expected_value needs decision.values or decision.cost_matrix", "decision.objective");
        }
    }

    /// <summary>The declared outcome values, or null.</summary>
    public static OutcomeValues? Values(DecisionConfig d)
    {
        ArgumentNullException.ThrowIfNull(d);
        try
        {
            return ThresholdObjective.Values(d.Values, d.CostMatrix.Select(r => (IReadOnlyList<double>)r).ToList());
        }
        catch (RecurException e)
        {
            throw RecurException.Invalid("recur.yaml: " + e.Message, e.Field ?? "decision");
        }
    }

    /// <summary>The declared objective; expected_value when only values are given.</summary>
    public static ThresholdObjective Objective(DecisionConfig d)
    {
        ArgumentNullException.ThrowIfNull(d);
        try
        {
            return d.Objective.Length == 0 ? ThresholdObjective.ExpectedValue : ThresholdObjective.Parse(d.Objective, "decision.objective");
        }
        catch (RecurException e)
        {
            throw RecurException.Invalid("recur.yaml: " + e.Message, "decision.objective");
        }
    }
}
