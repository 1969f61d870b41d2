using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Serving;
using Recur.Serving.Routing;

namespace Recur.Server.Endpoints;

/// <summary>The gateway routes in force and what they did.</summary>
internal static class RouteEndpoints
{
    public static void MapRouteEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/routes", Routes)
            .WithName("ListRoutes").WithSummary("The gateway routes in force (serving.routes, re-read when recur.yaml changes): revision, targets with the versions they resolve to, shadow, two-phase; the last refused change; shadow queue counts.");
        app.MapGet("/v1/models/{name}/routes/{route}/report", Report)
            .WithName("RouteReport").WithSummary("A route's report from the log: share and latency per version, the shadow's agreement and score deltas, two-phase shares and accuracy cost; ?since=ISO-8601.");
    }

    /// <summary>The routes in force.</summary>
    internal sealed record RoutesResponse(int Revision, DateTimeOffset LoadedAt, string? LastError, IReadOnlyList<RouteDto> Routes, ShadowCounts Shadow);

    /// <summary>One route with its targets resolved.</summary>
    internal sealed record RouteDto(string Model, string Name, bool Sticky, IReadOnlyList<TargetDto> Targets, TargetDto? Shadow, TargetDto? Fast, double? FastConfidence);

    /// <summary>A target: its selector, weight and the version it resolves to now.</summary>
    internal sealed record TargetDto(int? Version, string? Alias, double? Weight, int? ResolvedVersion);

    /// <summary>The shadow queue's counts since start.</summary>
    internal sealed record ShadowCounts(long Scored, long Dropped, long Failed);

    private static async Task<Ok<RoutesResponse>> Routes(RouteSource routes, ModelPool pool, ShadowScorer shadow, CancellationToken ct)
    {
        var table = await routes.CurrentAsync(ct);
        static TargetDto? Dto(TargetView? t) => t is null ? null : new TargetDto(t.Selector.Version, t.Selector.Version is null ? t.Selector.Alias : null, t.Weight, t.Version);
        var list = (await RouteViews.ResolveAsync(table, pool, strict: false, ct)).Select(v => new RouteDto(v.Route.Model, v.Route.Name, v.Route.Sticky,
            v.Targets.Select(t => Dto(t)!).ToList(), Dto(v.Shadow), Dto(v.Fast), v.Route.TwoPhase?.Confidence)).ToList();
        return TypedResults.Ok(new RoutesResponse(table.Revision, table.LoadedAt, routes.LastError, list, new ShadowCounts(shadow.Scored, shadow.Dropped, shadow.Failed)));
    }

    private static async Task<Ok<RouteReport>> Report(string name, string route, DateTimeOffset? since, RouteSource routes, RouteReporter reporter, CancellationToken ct)
    {
        var table = await routes.CurrentAsync(ct);
        return TypedResults.Ok(await reporter.BuildAsync(name, route, table.Find(name, route), since, ct));
    }
}
