using System.Globalization;
using Recur.Core;
using Recur.Core.Expressions;
using Recur.Core.Project;
using Recur.Serving.Safeguards;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>safeguards:</c>: actions and guard kinds from the catalogue, clamp bounds, the abstain band,
/// the latency budget, override expressions, and every column they name against the columns recur.yaml declares
/// (<c>features.include</c>, else the datasets' <c>columns:</c> when every dataset lists them). What a version's
/// inputs are is checked again when the safeguards are compiled for it. Errors name the key and its line.
/// </summary>
internal static class SafeguardsValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        var s = config.Safeguards;
        var known = KnownColumns(config);
        Guard(text, "safeguards.inputs.range", s.Inputs.Range, "range");
        Guard(text, "safeguards.inputs.domain", s.Inputs.Domain, "domain");
        Guard(text, "safeguards.inputs.missing", s.Inputs.Missing, "missing");
        foreach (var (column, kinds) in s.Inputs.Columns)
        {
            var key = $"safeguards.inputs.columns.{column}";
            Column(text, key, column, config, known);
            foreach (var (kind, action) in kinds)
            {
                if (!InputGuardCatalogue.ByKind.TryGetValue(kind, out var guard))
                {
                    throw Error(text, $"{key}.{kind}", $"unknown guard '{kind}' (one of: {string.Join(", ", InputGuardCatalogue.ByKind.Keys)})");
                }
                if (action != SafeguardActions.Off) Action(text, $"{key}.{kind}", action, guard);
            }
        }
        if (s.Outputs.Clamp is { } clamp)
        {
            if (clamp.Min is null && clamp.Max is null) throw Error(text, "safeguards.outputs.clamp", "safeguards.outputs.clamp needs min, max or both");
            if (clamp.Min > clamp.Max) throw Error(text, "safeguards.outputs.clamp.min", $"safeguards.outputs.clamp: min {Format(clamp.Min!.Value)} is greater than max {Format(clamp.Max!.Value)}");
        }
        for (var i = 0; i < s.Overrides.Count; i++) Override(text, i, s.Overrides, config, known);
        if (s.Abstain is { } abstain)
        {
            if (abstain.Band.Count != 2 || abstain.Band.Any(b => !(b >= 0 && b <= 1)) || abstain.Band[0] > abstain.Band[1])
            {
                throw Error(text, "safeguards.abstain.band", $"safeguards.abstain.band must be [low, high] with 0 <= low <= high <= 1, not [{string.Join(", ", abstain.Band.Select(Format))}]");
            }
            if (string.IsNullOrWhiteSpace(abstain.Label)) throw Error(text, "safeguards.abstain.label", "safeguards.abstain.label is empty; name the neutral answer, e.g. review");
        }
        if (s.Fallback.LatencyBudgetMs is { } budget && !(budget > 0))
        {
            throw Error(text, "safeguards.fallback.latency_budget_ms", $"safeguards.fallback.latency_budget_ms must be positive, not {Format(budget)}");
        }
    }

    private static void Guard(string text, string key, InputGuardConfig? settings, string kind)
    {
        if (settings is null) return;
        Action(text, $"{key}.action", settings.Action, InputGuardCatalogue.ByKind[kind]);
        if (!(settings.Margin >= 0)) throw Error(text, $"{key}.margin", $"{key}.margin must be at least 0 (a share of the training range), not {Format(settings.Margin)}");
        if (!(settings.MaxRate is >= 0 and <= 1)) throw Error(text, $"{key}.max_rate", $"{key}.max_rate must be in [0, 1], not {Format(settings.MaxRate)}");
    }

    private static void Action(string text, string key, string action, IInputGuard guard)
    {
        if (!SafeguardActions.ByName.TryGetValue(action, out var parsed))
        {
            throw Error(text, key, $"{key}: unknown action '{action}' (one of: {string.Join(", ", SafeguardActions.ByName.Keys)}{(key.Contains(".columns.", StringComparison.Ordinal) ? ", off" : "")})");
        }
        if (parsed == SafeguardAction.Clamp && !guard.CanClamp) throw Error(text, key, $"{key}: a {guard.Kind} guard cannot clamp (use reject, fallback or flag)");
    }

    private static void Override(string text, int index, List<OverrideConfig> overrides, ProjectConfig config, IReadOnlySet<string>? known)
    {
        var o = overrides[index];
        var key = $"safeguards.overrides[{index}]";
        if (string.IsNullOrWhiteSpace(o.Name) || o.Name.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')))
        {
            throw Error(text, $"{key}.name", $"{key}.name '{o.Name}' must be letters, digits, '-', '_' or '.'");
        }
        if (overrides.Take(index).Any(p => p.Name == o.Name)) throw Error(text, $"{key}.name", $"{key}.name: '{o.Name}' is used by an earlier override");
        if (string.IsNullOrWhiteSpace(o.Label)) throw Error(text, $"{key}.label", $"{key}.label is empty; give the answer the override forces");
        var columns = DecisionExpression.ColumnsOf(o.When);
        try
        {
            // Syntax first, against the names it uses; then each name against the declared columns.
            DecisionExpression.Parse(o.When, columns, $"{key}.when");
        }
        catch (RecurException e)
        {
            throw Error(text, $"{key}.when", e.Message);
        }
        foreach (var column in columns) Column(text, $"{key}.when", column, config, known);
    }

    private static void Column(string text, string key, string column, ProjectConfig config, IReadOnlySet<string>? known)
    {
        if (column == config.Label) throw Error(text, key, $"{key}: '{column}' is the label, not an input");
        if (known is not null && !known.Contains(column))
        {
            throw Error(text, key, $"{key}: unknown column '{column}' (recur.yaml declares: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
        }
    }

    private static HashSet<string>? KnownColumns(ProjectConfig config)
    {
        if (config.Features.Include.Count > 0) return config.Features.Include.ToHashSet(StringComparer.Ordinal);
        if (config.Datasets.Count == 0 || config.Datasets.Values.Any(d => d.Columns is null)) return null;
        return config.Datasets.Values.SelectMany(d => d.Columns!).ToHashSet(StringComparer.Ordinal);
    }

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static RecurException Error(string text, string key, string message) =>
        ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
