using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Serving.Routing;

/// <summary>
/// The checks of <c>serving.routes</c> that need no registry: names, exactly one of version and alias per target,
/// weights that add up to 100, a shadow or fast phase that is not one of the targets, a confidence in [0, 1].
/// Errors name the key, e.g. <c>serving.routes[0].targets[1].weight</c>.
/// </summary>
public static class RouteRules
{
    private const double Tolerance = 1e-9;

    /// <summary>Compiles the declared routes; <paramref name="defaultModel"/> serves routes that name no model.</summary>
    public static IReadOnlyList<Route> Compile(IReadOnlyList<RouteConfig> routes, string defaultModel)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var compiled = new List<Route>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < routes.Count; i++)
        {
            var r = routes[i];
            var at = $"serving.routes[{i}]";
            if (!IsName(r.Name)) throw Invalid($"{at}.name: '{r.Name}' must be letters, digits, '-' or '_'", $"{at}.name");
            var model = r.Model.Length == 0 ? defaultModel : r.Model;
            if (!IsName(model.Replace(".", "", StringComparison.Ordinal))) throw Invalid($"{at}.model: '{model}' is not a model name", $"{at}.model");
            if (!seen.Add((model, r.Name))) throw Invalid($"{at}.name: model '{model}' already has a route '{r.Name}'", $"{at}.name");
            if (r.Targets.Count == 0) throw Invalid($"{at}.targets: a route needs at least one target (a version or an alias)", $"{at}.targets");

            var targets = new List<RouteTarget>();
            for (var t = 0; t < r.Targets.Count; t++)
            {
                var key = $"{at}.targets[{t}]";
                var selector = Selector(r.Targets[t], model, key);
                var weight = r.Targets[t].Weight ?? (r.Targets.Count == 1 ? 100 : throw Invalid($"{key}.weight: required when a route has several targets (percent, adding up to 100)", $"{key}.weight"));
                if (!(weight > 0 && weight <= 100)) throw Invalid($"{key}.weight: {Number(weight)} must be in (0, 100] percent", $"{key}.weight");
                if (targets.Any(x => x.Selector == selector)) throw Invalid($"{key}: {r.Targets[t]} is already a target of this route", key);
                targets.Add(new RouteTarget(selector, weight));
            }
            var total = targets.Sum(x => x.Weight);
            if (Math.Abs(total - 100) > Tolerance)
            {
                throw Invalid($"{at}.targets: the weights add up to {Number(total)}, not 100 ({string.Join(" + ", targets.Select(x => Number(x.Weight)))})", $"{at}.targets");
            }

            ModelSelector? shadow = null;
            if (r.Shadow is { } s)
            {
                shadow = Selector(s, model, $"{at}.shadow");
                if (s.Weight is not null) throw Invalid($"{at}.shadow.weight: a shadow takes a copy of all the traffic; it has no weight", $"{at}.shadow.weight");
                if (targets.Any(x => x.Selector == shadow)) throw Invalid($"{at}.shadow: {s} is also a target; a shadow must be another version", $"{at}.shadow");
            }

            TwoPhase? twoPhase = null;
            if (r.TwoPhase is { } p)
            {
                if (!(p.Confidence is >= 0 and <= 1)) throw Invalid($"{at}.two_phase.confidence: {Number(p.Confidence)} must be in [0, 1] (the fast model's top-class probability)", $"{at}.two_phase.confidence");
                var fast = Selector(p.Fast, model, $"{at}.two_phase.fast");
                if (targets.Any(x => x.Selector == fast)) throw Invalid($"{at}.two_phase.fast: {p.Fast} is also a target; the fast phase must be another version", $"{at}.two_phase.fast");
                twoPhase = new TwoPhase(fast, p.Confidence);
            }
            compiled.Add(new Route(r.Name, model, targets, r.Sticky, shadow, twoPhase));
        }
        return compiled;
    }

    private static ModelSelector Selector(RouteTargetConfig target, string model, string key)
    {
        if (target.Version is not null == target.Alias is not null) throw Invalid($"{key}: give exactly one of 'version' and 'alias'", key);
        if (target.Version is { } v)
        {
            if (v < 1) throw Invalid($"{key}.version: {v} is not a version number (1 or more)", $"{key}.version");
            return new ModelSelector(model, v, ModelSelector.DefaultAlias);
        }
        if (!IsName(target.Alias!)) throw Invalid($"{key}.alias: '{target.Alias}' must be letters, digits, '-' or '_'", $"{key}.alias");
        return new ModelSelector(model, null, target.Alias!);
    }

    private static bool IsName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static RecurException Invalid(string message, string field) => RecurException.Invalid("recur.yaml: " + message, field);
}
