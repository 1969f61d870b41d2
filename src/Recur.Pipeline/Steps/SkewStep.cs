using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Evaluation.Skew;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The threshold chosen for a skewed binary label on the validation rows (the highest F-beta, or the recall-at-precision
/// point), and what it gives on the evaluation rows.
/// </summary>
/// <param name="Threshold">Predict the positive class at or above this score.</param>
/// <param name="Objective">How it was chosen, e.g. <c>max f_beta (beta 2)</c>.</param>
/// <param name="Why">The choice in words, with its value on the validation rows.</param>
/// <param name="Evidence">On the evaluation rows: threshold, rows, f_beta, precision, recall, positive_rate (and the validation value as validation_*).</param>
/// <param name="Recorded">Whether it was recorded as the version's decision policy (framing.rebalance declared and no decision: section).</param>
public sealed record SkewThreshold(double Threshold, string Objective, string Why, IReadOnlyDictionary<string, double> Evidence, bool Recorded);

/// <summary>
/// Rebalancing's part of evaluation (docs/design/rebalancing.md): the skew settings recur.yaml declares (β from the
/// cost matrix when not given) and the threshold chosen for a skewed label.
/// </summary>
public static class SkewStep
{
    /// <summary>The skew settings of a project: framing.rebalance's, β from decision.cost_matrix (√(FN cost ÷ FP cost)) when not given, else 2.</summary>
    public static SkewSettings Settings(ProjectConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var r = config.Framing.Rebalance;
        return new SkewSettings(r.MinorityBelow, r.Beta > 0 ? r.Beta : BetaFromCosts(config.Decision) ?? 2, r.PrecisionAt);
    }

    /// <summary>√(cost of a false negative ÷ cost of a false positive) from a 2 × 2 cost matrix; null without one (or with a zero cost).</summary>
    public static double? BetaFromCosts(DecisionConfig decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.CostMatrix is not [[_, var fp], [var fn, _]] || !(fp > 0) || !(fn > 0)) return null;
        return Math.Sqrt(fn / fp);
    }

    /// <summary>
    /// The threshold for a skewed binary label, chosen on <paramref name="validation"/> and measured on the evaluation rows
    /// (<paramref name="evaluationScores"/>); null when the task is not binary or the validation label is not skewed.
    /// </summary>
    public static SkewThreshold? Choose(ProjectConfig config, FeaturePlan plan, IPredictor model, DataTable validation, DataTable evaluation, double[] evaluationScores)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        if (plan.Task != ModelTask.Binary) return null;
        var settings = Settings(config);
        var labels = plan.Labels(validation);
        if (!settings.Applies(labels)) return null;
        var scores = model.Predict(validation).Scores;
        var byRecall = config.Framing.Rebalance.ThresholdFor == "recall_at_precision";
        var (threshold, value, objective, what) = byRecall
            ? Point(SkewMetrics.RecallAtPrecision(scores, labels, settings.PrecisionAt), $"recall at precision {Num(settings.PrecisionAt)}", "recall")
            : Point(SkewMetrics.BestFBeta(scores, labels, settings.Beta), $"max f_beta (beta {Num(settings.Beta)})", "F-beta");
        if (double.IsPositiveInfinity(threshold))
        {
            // No threshold reaches the precision on these rows: keep the declared one rather than refuse every row.
            threshold = config.Evaluation.Threshold;
            what = $"no threshold reaches precision {Num(settings.PrecisionAt)} on the {validation.RowCount} validation rows, so evaluation.threshold is kept; recall";
        }
        var policy = new DecisionPolicy(threshold, objective, null);
        var (evidence, _) = PolicyStep.Measure(policy, plan, evaluationScores, plan.Labels(evaluation), config.Seed);
        evidence["f_beta"] = SkewMetrics.FBetaAt(evaluationScores, plan.Labels(evaluation), threshold, settings.Beta);
        evidence["beta"] = settings.Beta;
        evidence["validation_" + (byRecall ? "recall" : "f_beta")] = value;
        var recorded = config.Framing.Rebalance.Declared && !config.Decision.Declared;
        return new SkewThreshold(threshold, objective, $"{what} {Num(value)} at score >= {Num(threshold)} on the {validation.RowCount} validation rows", evidence, recorded);
    }

    /// <summary>The skew threshold as the version's decision policy (measured on the evaluation rows), when it is to be recorded.</summary>
    public static PolicyOutcome? AsPolicy(SkewThreshold? skew, FeaturePlan plan, DataTable evaluation, double[] evaluationScores, int seed)
    {
        if (skew is not { Recorded: true }) return null;
        var policy = new DecisionPolicy(skew.Threshold, skew.Objective, null);
        var (_, sweep) = PolicyStep.Measure(policy, plan, evaluationScores, plan.Labels(evaluation), seed);
        return new PolicyOutcome(policy, skew.Why, skew.Evidence, sweep);
    }

    /// <summary>
    /// With a skewed binary label and declared outcome values (decision.values or cost_matrix), adds
    /// <c>min_expected_cost</c> to a candidate's validation metrics: the lowest expected cost per decision at any
    /// threshold on those rows (the same optimism for every candidate, so they compare fairly).
    /// </summary>
    public static IReadOnlyDictionary<string, double> WithCost(IReadOnlyDictionary<string, double> metrics, ProjectConfig config, FeaturePlan plan, ModelOutput output, DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Task != ModelTask.Binary || (!metrics.ContainsKey("minority_rate") && !config.Framing.Rebalance.Declared)) return metrics;
        if (Config.DecisionValidation.Values(config.Decision) is not { } values) return metrics;
        var sweep = Evaluation.Decisions.ThresholdSearch.Sweep(output.Scores, plan.Labels(rows), values);
        return new Dictionary<string, double>(metrics) { ["min_expected_cost"] = 0 - sweep.Max(p => p.ValuePerDecision) };
    }

    private static (double Threshold, double Value, string Objective, string What) Point((double Threshold, double Value) p, string objective, string what) =>
        (p.Threshold, p.Value, objective, what);

    private static string Num(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
