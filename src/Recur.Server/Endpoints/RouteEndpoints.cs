using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
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
        async Task<TargetDto> Target(ModelSelector s, double? weight)
        {
            int? resolved = null;
            try
            {
                resolved = (await pool.GetAsync(s, ct)).Version.Version;
            }
            catch (RecurException)
            {
                // Shown unresolved; /healthz reports why.
            }
            return new TargetDto(s.Version, s.Version is null ? s.Alias : null, weight, resolved);
        }
        var list = new List<RouteDto>();
        foreach (var r in table.Routes)
        {
            var targets = new List<TargetDto>();
            foreach (var t in r.Targets) targets.Add(await Target(t.Selector, t.Weight));
            list.Add(new RouteDto(r.Model, r.Name, r.Sticky, targets,
                r.Shadow is null ? null : await Target(r.Shadow, null), r.TwoPhase is null ? null : await Target(r.TwoPhase.Fast, null), r.TwoPhase?.Confidence));
        }
        return TypedResults.Ok(new RoutesResponse(table.Revision, table.LoadedAt, routes.LastError, list, new ShadowCounts(shadow.Scored, shadow.Dropped, shadow.Failed)));
    }

    private static async Task<Ok<RouteReport>> Report(string name, string route, DateTimeOffset? since, RouteSource routes, RouteReporter reporter, CancellationToken ct)
    {
        var table = await routes.CurrentAsync(ct);
        return TypedResults.Ok(await reporter.BuildAsync(name, route, table.Find(name, route), since, ct));
    }
}
