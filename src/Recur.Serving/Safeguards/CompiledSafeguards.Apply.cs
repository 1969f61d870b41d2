using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Serving.Requests;

namespace Recur.Serving.Safeguards;

/// <summary>A batch's answers after the safeguards, with the rules that fired on each instance (null where none).</summary>
/// <param name="Output">The answers.</param>
/// <param name="Rules">Per instance, the names of the rules that fired, in the order they were applied; null when none.</param>
/// <param name="ModelError">What the model threw when the baseline answered because of it (<c>fallback.on_error</c>); null otherwise.</param>
public sealed record GuardedOutput(ModelOutput Output, List<string>?[] Rules, Exception? ModelError = null);

public sealed partial class CompiledSafeguards
{
    /// <summary>
    /// Answers a batch through the safeguards, in this order: overrides are matched on the inputs as sent; input guards
    /// (reject, clamp, fallback, flag); the model (or the baseline when it throws or exceeds the latency budget); the
    /// output clamp; the decision threshold (binary); abstain; the override, which has the last word. Rows answered by
    /// the baseline skip the clamp, the threshold and abstain.
    /// </summary>
    /// <param name="batch">The instances; clamped values are written into its features.</param>
    /// <param name="plan">The version's contract.</param>
    /// <param name="score">The model: scores a features table.</param>
    /// <param name="threshold">The binary decision threshold (the policy's, else the model's).</param>
    /// <param name="time">The clock the latency budget is measured with.</param>
    /// <exception cref="RecurException">An input guard with action reject fired (naming the instance, the field and the rule).</exception>
    public GuardedOutput Apply(PredictBatch batch, FeaturePlan plan, Func<DataTable, ModelOutput> score, double threshold, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(time);
        var features = batch.Features;
        var n = features.RowCount;
        var rules = new List<string>?[n];
        var forced = MatchOverrides(features);
        var fallback = GuardInputs(batch, rules);
        var (output, error) = ScoreOrFallback(features, plan, score, fallback, rules, time);
        for (var r = 0; r < n; r++)
        {
            if (fallback[r]) Answer(output, r, Baseline!);
            else GuardOutput(output, plan, r, threshold, rules);
            if (forced[r] is { } o)
            {
                output.Labels[r] = o.Label;
                if (plan.Task == ModelTask.Regression) output.Scores[r] = double.Parse(o.Label, System.Globalization.CultureInfo.InvariantCulture);
                Fired(rules, r, OverrideRule(o.Name));
            }
        }
        return new GuardedOutput(output, rules, error);
    }

    private CompiledOverride?[] MatchOverrides(DataTable features)
    {
        var forced = new CompiledOverride?[features.RowCount];
        if (Overrides.Count == 0) return forced;
        var columns = Overrides[0].When.Columns.Select(c => features[c]).ToArray();
        var row = new string?[columns.Length];
        for (var r = 0; r < forced.Length; r++)
        {
            for (var c = 0; c < columns.Length; c++) row[c] = columns[c].Format(r);
            forced[r] = Overrides.FirstOrDefault(o => o.When.Evaluate(row));
        }
        return forced;
    }

    private bool[] GuardInputs(PredictBatch batch, List<string>?[] rules)
    {
        var features = batch.Features;
        var fallback = new bool[features.RowCount];
        foreach (var rule in Inputs)
        {
            for (var r = 0; r < fallback.Length; r++)
            {
                if (!rule.Fires(features, r, out var problem)) continue;
                if (rule.Action == SafeguardAction.Reject)
                {
                    var field = $"instances[{r}].features.{rule.Column}";
                    throw RecurException.Invalid($"{field}: {problem}; rejected by safeguard '{rule.Name}' (key '{batch.Keys[r]}')", field);
                }
                if (rule.Action == SafeguardAction.Clamp) rule.Clamp(features, r);
                if (rule.Action == SafeguardAction.Fallback) fallback[r] = true;
                Fired(rules, r, rule.Name);
            }
        }
        return fallback;
    }

    private (ModelOutput Output, Exception? Error) ScoreOrFallback(DataTable features, FeaturePlan plan, Func<DataTable, ModelOutput> score, bool[] fallback, List<string>?[] rules, TimeProvider time)
    {
        var n = fallback.Length;
        string? cause = null;
        ModelOutput? output = null;
        Exception? error = null;
        if (fallback.Contains(false))
        {
            var start = time.GetTimestamp();
            try
            {
                output = score(features);
            }
            catch (Exception e) when (Fallback.OnError && e is not RecurException { Kind: FailureKind.InvalidInput } && e is not OperationCanceledException)
            {
                (cause, error) = (FallbackErrorRule, e);
            }
            if (cause is null && Fallback.LatencyBudgetMs is { } budget && time.GetElapsedTime(start).TotalMilliseconds > budget) cause = FallbackLatencyRule;
        }
        if (cause is not null)
        {
            output = null;
            for (var r = 0; r < n; r++)
            {
                fallback[r] = true;
                Fired(rules, r, cause);
            }
        }
        return (output ?? new ModelOutput(plan.Task, new double[n], new string[n], plan.Task == ModelTask.Multiclass ? new double[n][] : null), error);
    }

    private void GuardOutput(ModelOutput output, FeaturePlan plan, int r, double threshold, List<string>?[] rules)
    {
        if (OutputClamp is { } clamp && plan.Task != ModelTask.Multiclass)
        {
            var value = Math.Clamp(output.Scores[r], clamp.Min ?? double.NegativeInfinity, clamp.Max ?? double.PositiveInfinity);
            if (value != output.Scores[r])
            {
                output.Scores[r] = value;
                if (plan.Task == ModelTask.Regression) output.Labels[r] = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                Fired(rules, r, OutputClampRule);
            }
        }
        if (plan.Task != ModelTask.Binary) return;
        output.Labels[r] = output.Scores[r] >= threshold ? plan.Positive : plan.Negative;
        if (Abstain is { } band && output.Scores[r] >= band.Low && output.Scores[r] <= band.High)
        {
            output.Labels[r] = band.Label;
            Fired(rules, r, AbstainRule);
        }
    }

    private static void Answer(ModelOutput output, int r, HeuristicBaseline baseline)
    {
        output.Labels[r] = baseline.Label;
        output.Scores[r] = baseline.Score;
        if (output.ClassScores is { } all) all[r] = baseline.ClassScores!;
    }

    private static void Fired(List<string>?[] rules, int r, string rule) => (rules[r] ??= []).Add(rule);
}
