using Recur.Core.Serving;

namespace Recur.Serving.Safeguards;

/// <summary>One compiled rule, for people: its name, kind, the column it watches, its action and what it learned.</summary>
/// <param name="Name">The name listed in responses and counted in reports.</param>
/// <param name="Kind">range, domain, missing, override, abstain, clamp or fallback.</param>
/// <param name="Column">The input it watches; null for rules on the whole answer.</param>
/// <param name="Action">What it does: reject, clamp, fallback, flag, override or abstain.</param>
/// <param name="Learned">What it learned from training or what recur.yaml declares (e.g. <c>19..75</c>, <c>age &lt; 18 → good</c>).</param>
public sealed record RuleView(string Name, string Kind, string? Column, string Action, string Learned);

/// <summary>How often each rule fired over a set of logged predictions.</summary>
/// <param name="Predictions">The predictions counted.</param>
/// <param name="Guarded">Those where at least one rule fired.</param>
/// <param name="Counts">Rule name → the predictions it fired on, most frequent first.</param>
public sealed record SafeguardCounts(long Predictions, long Guarded, IReadOnlyDictionary<string, long> Counts)
{
    /// <summary>Counts the rules recorded in logged predictions.</summary>
    public static SafeguardCounts Of(IEnumerable<PredictionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0, guarded = 0;
        foreach (var record in records)
        {
            total++;
            if (string.IsNullOrEmpty(record.Rules)) continue;
            guarded++;
            foreach (var rule in record.Rules.Split(',')) counts[rule] = counts.GetValueOrDefault(rule) + 1;
        }
        var ordered = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new SafeguardCounts(total, guarded, ordered);
    }
}

public sealed partial class CompiledSafeguards
{
    /// <summary>Every rule as people read it, in the order they are applied.</summary>
    public IReadOnlyList<RuleView> Describe()
    {
        var views = Inputs.Select(r => new RuleView(r.Name, r.Kind, r.Column, r.Action.ToName(), r.Learned)).ToList();
        if (Fallback.OnError) views.Add(new RuleView(FallbackErrorRule, "fallback", null, "fallback", $"the model throws → baseline {Baseline?.Label}"));
        if (Fallback.LatencyBudgetMs is { } budget)
        {
            views.Add(new RuleView(FallbackLatencyRule, "fallback", null, "fallback", $"scoring takes over {budget.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms → baseline {Baseline?.Label}"));
        }
        if (OutputClamp is { } c) views.Add(new RuleView(OutputClampRule, "clamp", null, "clamp", $"{Bound(c.Min)}..{Bound(c.Max)}"));
        if (Abstain is { } a) views.Add(new RuleView(AbstainRule, "abstain", null, "abstain", $"score in [{Bound(a.Low)}, {Bound(a.High)}] → {a.Label}"));
        views.AddRange(Overrides.Select(o => new RuleView(OverrideRule(o.Name), "override", null, "override", $"{o.When.Text} → {o.Label}")));
        return views;
    }

    private static string Bound(double? v) => v?.ToString("G6", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
