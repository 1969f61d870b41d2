using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Evaluation.Decisions;
using Recur.Pipeline.Config;

namespace Recur.Pipeline.Steps;

/// <summary>A decision policy chosen for a binary model, and what it is worth on rows it was not chosen on.</summary>
/// <param name="Policy">The threshold, the objective and the outcome values.</param>
/// <param name="Why">How the threshold was chosen, in words (on which rows).</param>
/// <param name="Evidence">Value per decision with its 95 % interval, precision, recall and positive rate at the threshold, on the evaluation rows.</param>
/// <param name="Sweep">Every operating point on the evaluation rows (value against threshold), for the report.</param>
public sealed record PolicyOutcome(DecisionPolicy Policy, string Why, IReadOnlyDictionary<string, double> Evidence, IReadOnlyList<OperatingPoint> Sweep);

/// <summary>
/// Chooses, records and applies the decision policy kept beside each binary model version (Distinguish Business Logic
/// from ML Model): the threshold is chosen on the validation rows, its value is measured on the evaluation rows, and the
/// policy is stored in the registry's policy store, not in the model file, so changing it needs no retraining.
/// </summary>
public static class PolicyStep
{
    /// <summary>Who records the policy chosen while training.</summary>
    public const string Trainer = "recur train";

    /// <summary>
    /// The policy recur.yaml's <c>decision:</c> declares for a model, chosen on <paramref name="choiceRows"/> and measured
    /// on <paramref name="measureRows"/>; null when nothing is declared. <paramref name="measureScores"/> are the model's
    /// scores of the measured rows when the caller already has them (they are not computed twice).
    /// </summary>
    public static PolicyOutcome? Choose(DecisionConfig decision, FeaturePlan plan, IPredictor model, DataTable choiceRows, string choiceName, DataTable measureRows, int seed, double[]? measureScores = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        if (!decision.Declared) return null;
        if (plan.Task != ModelTask.Binary) throw RecurException.Invalid($"decision: a decision policy is for a binary model; this task is {plan.Task.ToName()}", "decision");
        var values = DecisionValidation.Values(decision);
        var objective = DecisionValidation.Objective(decision);
        var choiceScores = model.Predict(choiceRows).Scores;
        var choice = ThresholdSearch.Choose(choiceScores, plan.Labels(choiceRows), objective, values);
        var policy = new DecisionPolicy(choice.Chosen.Threshold, objective.ToString(), values);
        measureScores ??= ReferenceEquals(choiceRows, measureRows) ? choiceScores : model.Predict(measureRows).Scores;
        var (evidence, sweep) = Measure(policy, plan, measureScores, plan.Labels(measureRows), seed);
        return new PolicyOutcome(policy, $"{choice.Why} on the {choiceName}", evidence, sweep);
    }

    /// <summary>Value per decision (with its interval), precision, recall and positive rate of a policy on scored rows.</summary>
    public static (Dictionary<string, double> Evidence, IReadOnlyList<OperatingPoint> Sweep) Measure(DecisionPolicy policy, FeaturePlan plan, double[] scores, bool[] labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var sweep = ThresholdSearch.Sweep(scores, labels, policy.Values);
        var at = sweep.Last(p => p.Threshold >= policy.Threshold);
        var evidence = new Dictionary<string, double>
        {
            ["threshold"] = policy.Threshold, ["rows"] = scores.Length,
            ["precision"] = at.Precision, ["recall"] = at.Recall, ["positive_rate"] = at.PositiveRate,
        };
        if (policy.Values is { } values)
        {
            var (value, low, high) = ThresholdSearch.ValueAt(scores, labels, policy.Threshold, values, seed);
            (evidence["value_per_decision"], evidence["value_per_decision_low"], evidence["value_per_decision_high"]) = (value, low, high);
            evidence["best_value_per_decision"] = sweep.Max(p => p.ValuePerDecision);
        }
        return (evidence, ThresholdSearch.Thin(sweep));
    }

    /// <summary>Records a policy as the version's next revision.</summary>
    public static Task<PolicyRevision> RecordAsync(RecurProject project, ModelVersion version, PolicyOutcome outcome, string changedBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(outcome);
        return project.Policies.SetAsync(version.Model, version.Version, outcome.Policy, changedBy, outcome.Why, outcome.Evidence, ct);
    }

    /// <summary>The threshold a version decides at: its current policy's, else the one it was trained with.</summary>
    public static async Task<(double Threshold, PolicyRevision? Policy)> ThresholdAsync(RecurProject project, ModelVersion version, double trained, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(version);
        var current = await project.Policies.CurrentAsync(version.Model, version.Version, ct);
        return (current?.Policy.Threshold ?? trained, current);
    }
}
