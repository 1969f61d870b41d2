using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recur.Core.Observability;

namespace Recur.Server.Observability;

/// <summary>
/// Counts every request by route template, method and status, and observes its duration by model, version and route.
/// The prediction endpoints say which model and version answered through <see cref="ServedBy"/>. Costs two dictionary
/// look-ups and a timestamp per request; nothing is allocated once a series exists.
/// </summary>
internal sealed class RequestMetrics(RequestDelegate next, RecurMetrics metrics)
{
    private const string Unmatched = "unmatched";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
            // Outermost in the pipeline: the status is the one sent, a host refused (400) or an exception (500) included.
            metrics.Requests.Add(route, context.Request.Method, RecurMetrics.Label(context.Response.StatusCode));
            var served = context.Features.Get<ServedBy>();
            metrics.RequestDuration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds, served?.Model ?? "", served?.Version ?? "", route);
        }
    }
}

/// <summary>The model and version that answered a prediction request (a request feature read by <see cref="RequestMetrics"/>).</summary>
internal sealed record ServedBy(string Model, string Version)
{
    /// <summary>Marks the request as answered by a model's version (several versions answering one request: "mixed").</summary>
    public static void Mark(HttpContext context, string model, string version) => context.Features.Set(new ServedBy(model, version));
}
