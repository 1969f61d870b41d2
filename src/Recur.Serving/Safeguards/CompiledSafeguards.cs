using Recur.Core;
using Recur.Core.Expressions;
using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Serving.Safeguards;

/// <summary>An override compiled against a version's inputs.</summary>
/// <param name="Name">The rule's name.</param>
/// <param name="When">Its condition.</param>
/// <param name="Label">The forced answer.</param>
public sealed record CompiledOverride(string Name, DecisionExpression When, string Label);

/// <summary>The abstain band of a binary version: a score in [Low, High] answers <paramref name="Label"/>.</summary>
/// <param name="Low">The band's low score.</param>
/// <param name="High">The band's high score.</param>
/// <param name="Label">The neutral answer.</param>
public sealed record AbstainBand(double Low, double High, string Label);

/// <summary>
/// recur.yaml's <c>safeguards:</c> compiled for one version: input rules learned from its training profile, overrides
/// parsed against its inputs, the abstain band, the output clamp, the fallback and its baseline.
/// </summary>
public sealed partial class CompiledSafeguards
{
    /// <summary>The input rules, in input order then kind order.</summary>
    public required IReadOnlyList<InputRule> Inputs { get; init; }

    /// <summary>The overrides, in declared order (the first that holds wins).</summary>
    public required IReadOnlyList<CompiledOverride> Overrides { get; init; }

    /// <summary>The abstain band; null for none.</summary>
    public AbstainBand? Abstain { get; init; }

    /// <summary>The output clamp's bounds; null for none.</summary>
    public OutputClampConfig? OutputClamp { get; init; }

    /// <summary>When the baseline answers instead of the model.</summary>
    public required FallbackConfig Fallback { get; init; }

    /// <summary>The training prior; null when the version's profile has no label column (then no rule may fall back).</summary>
    public HeuristicBaseline? Baseline { get; init; }

    /// <summary>Every rule name that can fire, for reports (input rules, overrides, abstain, output clamp, fallbacks).</summary>
    public IReadOnlyList<string> RuleNames =>
    [
        .. Inputs.Select(r => r.Name), .. Overrides.Select(o => OverrideRule(o.Name)),
        .. Abstain is null ? Array.Empty<string>() : [AbstainRule],
        .. OutputClamp is null ? Array.Empty<string>() : [OutputClampRule],
        .. Fallback.OnError ? [FallbackErrorRule] : Array.Empty<string>(),
        .. Fallback.LatencyBudgetMs is null ? Array.Empty<string>() : [FallbackLatencyRule],
    ];

    /// <summary>The rule name of an abstained answer.</summary>
    public const string AbstainRule = "abstain";

    /// <summary>The rule name of a clamped output.</summary>
    public const string OutputClampRule = "clamp:output";

    /// <summary>The rule name of a baseline answer because the model threw.</summary>
    public const string FallbackErrorRule = "fallback:error";

    /// <summary>The rule name of a baseline answer because the model exceeded the latency budget.</summary>
    public const string FallbackLatencyRule = "fallback:latency";

    /// <summary>The rule name of an override.</summary>
    public static string OverrideRule(string name) => "override:" + name;

    /// <summary>
    /// Compiles the safeguards for a version with contract <paramref name="plan"/> and training profile
    /// <paramref name="profile"/>. Errors name the recur.yaml key: an unknown column, an override that does not parse
    /// or answers a class the model does not have, abstain on a model that is not binary, a fallback without a baseline.
    /// </summary>
    public static CompiledSafeguards Compile(SafeguardsConfig config, FeaturePlan plan, TableProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        var names = plan.Features.Select(f => f.Name).ToList();
        foreach (var column in config.Inputs.Columns.Keys.Where(c => !names.Contains(c)))
        {
            throw Error($"safeguards.inputs.columns.{column}", $"unknown column '{column}' (the model takes: {string.Join(", ", names)})");
        }
        var baseline = HeuristicBaseline.From(plan, profile);
        var inputs = LearnInputs(config.Inputs, plan, profile);
        var overrides = config.Overrides.Select((o, i) => CompileOverride(o, i, plan, names)).ToList();
        AbstainBand? abstain = null;
        if (config.Abstain is { } a)
        {
            if (plan.Task != ModelTask.Binary) throw Error("safeguards.abstain", $"abstain needs a binary model, but this one is {plan.Task.ToName()}");
            abstain = new AbstainBand(a.Band[0], a.Band[1], a.Label);
        }
        var fallsBack = config.Fallback.OnError || config.Fallback.LatencyBudgetMs is not null || inputs.Any(r => r.Action == SafeguardAction.Fallback);
        if (fallsBack && baseline is null)
        {
            throw Error("safeguards.fallback", $"a fallback needs the baseline, but the version's training profile has no label column '{plan.Label}' to learn it from");
        }
        return new CompiledSafeguards
        {
            Inputs = inputs, Overrides = overrides, Abstain = abstain, OutputClamp = config.Outputs.Clamp, Fallback = config.Fallback, Baseline = baseline,
        };
    }

    private static List<InputRule> LearnInputs(InputGuardsConfig config, FeaturePlan plan, TableProfile? profile)
    {
        var defaults = new Dictionary<string, InputGuardConfig?>(StringComparer.Ordinal) { ["range"] = config.Range, ["domain"] = config.Domain, ["missing"] = config.Missing };
        var profiles = profile?.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal) ?? [];
        var rules = new List<InputRule>();
        foreach (var feature in plan.Features)
        {
            var own = config.Columns.GetValueOrDefault(feature.Name);
            foreach (var (kind, guard) in InputGuardCatalogue.ByKind)
            {
                var settings = defaults.GetValueOrDefault(kind);
                var action = own?.GetValueOrDefault(kind) ?? settings?.Action;
                if (action is null or SafeguardActions.Off) continue;
                var rule = guard.Learn(feature, profiles.GetValueOrDefault(feature.Name), settings ?? new InputGuardConfig(), SafeguardActions.ByName[action]);
                if (rule is not null) rules.Add(rule);
            }
        }
        return rules;
    }

    private static CompiledOverride CompileOverride(OverrideConfig o, int index, FeaturePlan plan, IReadOnlyList<string> names)
    {
        var key = $"safeguards.overrides[{index}]";
        DecisionExpression when;
        try
        {
            when = DecisionExpression.Parse(o.When, names, $"{key}.when");
        }
        catch (RecurException e)
        {
            throw RecurException.Invalid("recur.yaml: " + e.Message, e.Field);
        }
        if (plan.Task == ModelTask.Regression
            ? !double.TryParse(o.Label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            : !plan.ClassNames.Contains(o.Label))
        {
            var expected = plan.Task == ModelTask.Regression ? "a number" : $"one of the model's classes: {string.Join(", ", plan.ClassNames)}";
            throw Error($"{key}.label", $"override '{o.Name}' answers '{o.Label}', but the label must be {expected}");
        }
        return new CompiledOverride(o.Name, when, o.Label);
    }

    private static RecurException Error(string key, string message) => RecurException.Invalid($"recur.yaml: {key}: {message}", key);
}
