using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Project;
using Recur.Serving;
using Recur.Serving.Log;

namespace Recur.Server.Endpoints;

/// <summary>
/// <c>/livez</c>: 200 "alive" while the process answers (the liveness probe). <c>/healthz</c>: "healthy", or "degraded" (503) while prediction-log writes fail (now, or within the last minute:
/// <see cref="Observability.LogHealthWatch"/>) or a routed alias
/// (the champion, and every alias or version clients have asked for) points at a version whose model
/// file cannot be loaded. A loaded model is kept, so a healthy check costs a registry look-up per alias.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>One routed alias or version that cannot serve.</summary>
    internal sealed record UnavailableRoute(string Route, string Detail);

    /// <summary>The health answer: <c>{"status":"healthy"}</c>, or "degraded" with the log write failures and the routes that cannot serve.</summary>
    internal sealed record HealthStatus(
        string Status,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] long? LogWriteFailures = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<UnavailableRoute>? Unavailable = null);

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        // Liveness: the process answers HTTP. Nothing outside it (the store, the disk, a model file) can fail it, so a
        // liveness probe here never restarts every replica because the database is down, which a restart would not mend.
        app.MapGet("/livez", () => Results.Ok(new HealthStatus("alive"))).Produces<HealthStatus>().WithName("Live")
            .WithSummary("Liveness for an orchestrator's probe: 200 while the process answers, whatever the store, disk or models.");
        app.MapGet("/healthz", Check).Produces<HealthStatus>().Produces<HealthStatus>(StatusCodes.Status503ServiceUnavailable).WithName("Health")
            .WithSummary("Health report: prediction-log health, and whether every routed model version loads (503 degraded).");
    }

    private static async Task<IResult> Check(PredictionLogWriter log, Observability.LogHealthWatch logHealth, ModelPool pool, ProjectConfig config, CancellationToken ct)
    {
        var routes = pool.Requested.Append(ModelSelector.From(config.Name, null, null)).Distinct().ToList();
        var unavailable = new List<UnavailableRoute>();
        foreach (var route in routes)
        {
            try
            {
                await pool.GetAsync(route, ct);
            }
            catch (RecurException e) when (e.Kind == FailureKind.Unavailable)
            {
                unavailable.Add(new UnavailableRoute(route.ToString(), e.Message));
            }
            catch (RecurException e) when (e.Kind == FailureKind.NotFound)
            {
                // Nothing registered under that name or alias: nothing to serve there, so nothing broken.
            }
        }
        return logHealth.Failing() is null && unavailable.Count == 0
            ? Results.Ok(new HealthStatus("healthy"))
            : Results.Json(new HealthStatus("degraded", log.Failures, unavailable), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
