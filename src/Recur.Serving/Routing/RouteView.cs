using Recur.Core;

namespace Recur.Serving.Routing;

/// <summary>A route with the versions its targets, shadow and fast phase reach now.</summary>
public sealed record RouteView(Route Route, IReadOnlyList<TargetView> Targets, TargetView? Shadow, TargetView? Fast);

/// <summary>One selector of a route, its weight (targets only) and the version it resolves to, or null when it does not resolve.</summary>
public sealed record TargetView(ModelSelector Selector, double? Weight, int? Version);

/// <summary>Resolves the routes in force to the versions they reach, for <c>recur routes show</c> and <c>GET /v1/routes</c>.</summary>
public static class RouteViews
{
    /// <summary>
    /// Every route of <paramref name="table"/> resolved through the pool. <paramref name="strict"/> throws when a selector
    /// does not resolve or load; otherwise its version is null (<c>/healthz</c> says why).
    /// </summary>
    public static async Task<IReadOnlyList<RouteView>> ResolveAsync(RouteTable table, ModelPool pool, bool strict, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pool);
        async Task<TargetView> View(ModelSelector selector, double? weight)
        {
            try
            {
                return new TargetView(selector, weight, (await pool.GetAsync(selector, ct)).Version.Version);
            }
            catch (RecurException) when (!strict)
            {
                return new TargetView(selector, weight, null);
            }
        }
        var views = new List<RouteView>();
        foreach (var r in table.Routes)
        {
            var targets = new List<TargetView>();
            foreach (var t in r.Targets) targets.Add(await View(t.Selector, t.Weight));
            views.Add(new RouteView(r, targets, r.Shadow is null ? null : await View(r.Shadow, null), r.TwoPhase is null ? null : await View(r.TwoPhase.Fast, null)));
        }
        return views;
    }
}
