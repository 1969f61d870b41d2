using Recur.Core;
using Recur.Core.Project;
using Recur.Serving.Routing;

namespace Recur.Pipeline.Loop;

/// <summary>
/// The declared routes with the loop's canary merged in: while a canary runs, the model's default route sends
/// <c>100 − w</c>% of the traffic to the champion and <c>w</c>% to the candidate, sticky by key (a declared default
/// route keeps its shadow and fast phase; one is added when none is declared). The stamp joins the declaration's and
/// the canary file's, so a running server picks up a canary's start and end through the routes' hot reload.
/// </summary>
public sealed class LoopRouteSource(IRouteConfigSource declared, CanaryFile canary) : IRouteConfigSource
{
    /// <inheritdoc />
    public string DefaultModel => declared.DefaultModel;

    /// <inheritdoc />
    public string Stamp() => declared.Stamp() + "|canary:" + canary.Stamp();

    /// <inheritdoc />
    public IReadOnlyList<RouteConfig> Read() => Merge(declared.Read(), canary.Read(), DefaultModel);

    /// <inheritdoc />
    public RecurException Locate(RecurException error) => declared.Locate(error);

    /// <summary>The routes with the canary's default route in place of the model's declared one.</summary>
    public static IReadOnlyList<RouteConfig> Merge(IReadOnlyList<RouteConfig> routes, CanaryState? state, string defaultModel)
    {
        ArgumentNullException.ThrowIfNull(routes);
        if (state is null || state.Model != defaultModel) return routes;
        bool IsDefault(RouteConfig r) => r.Name == RouteConfig.DefaultName && (r.Model.Length == 0 || r.Model == state.Model);
        var existing = routes.FirstOrDefault(IsDefault);
        var route = new RouteConfig
        {
            Name = RouteConfig.DefaultName,
            Model = state.Model,
            Sticky = true,
            Targets =
            [
                new RouteTargetConfig { Version = state.Champion, Weight = 100 - state.Weight },
                new RouteTargetConfig { Version = state.Candidate, Weight = state.Weight },
            ],
            // A shadow or fast phase that is one of the two versions would be refused; it sits the canary out.
            Shadow = existing?.Shadow is { } s && s.Version != state.Champion && s.Version != state.Candidate && s.Alias is null ? s : null,
            TwoPhase = existing?.TwoPhase is { } p && p.Fast.Version != state.Champion && p.Fast.Version != state.Candidate && p.Fast.Alias is null ? p : null,
        };
        return [.. routes.Where(r => !IsDefault(r)), route];
    }
}
