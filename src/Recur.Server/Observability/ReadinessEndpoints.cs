using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Recur.Server.Observability;

/// <summary>
/// <c>GET /readyz</c> beside <c>/healthz</c>: 200 <c>{"status":"ready"}</c> when <see cref="ReadinessCheck"/> finds
/// nothing missing, else 503 <c>{"status":"not_ready","not_ready":[{"what":…,"detail":…}]}</c> naming the store or
/// each selector that cannot serve yet.
/// </summary>
internal static class ReadinessEndpoints
{
    /// <summary>The readiness answer.</summary>
    internal sealed record ReadyStatus(
        string Status,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReadinessCheck.NotReady>? NotReady = null);

    public static void MapReadiness(this IEndpointRouteBuilder app) =>
        app.MapGet("/readyz", Check).Produces<ReadyStatus>().Produces<ReadyStatus>(StatusCodes.Status503ServiceUnavailable)
            .WithName("Ready").WithSummary("Readiness: every routed model version is loaded and the store answers; 503 naming what is not ready.");

    private static async Task<IResult> Check(ReadinessCheck readiness, CancellationToken ct)
    {
        var problems = await readiness.CheckAsync(ct);
        return problems.Count == 0
            ? Results.Ok(new ReadyStatus("ready"))
            : Results.Json(new ReadyStatus("not_ready", problems), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
