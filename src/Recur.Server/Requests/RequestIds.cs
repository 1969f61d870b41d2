using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Recur.Core.Project;

namespace Recur.Server.Requests;

/// <summary>
/// Gives every request an id: the client's <c>X-Request-Id</c> when it is sane (1–64 letters, digits, <c>-_.:</c>),
/// else a new one. It is echoed in the response header, is the request's <c>TraceIdentifier</c> (so every
/// ProblemDetails carries it as <c>request_id</c>), and is in a logging scope for everything logged meanwhile.
/// With <c>serving.access_log</c> on, writes one line per request when it ends.
/// </summary>
internal sealed class RequestIds(RequestDelegate next, ServingConfig serving, ILoggerFactory logs)
{
    /// <summary>The header, in requests and responses.</summary>
    public const string Header = "X-Request-Id";

    private readonly ILogger _log = logs.CreateLogger("Recur.Server.Access");

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Sane(context.Request.Headers[Header]) ?? NewId();
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        var started = serving.AccessLog ? Stopwatch.GetTimestamp() : 0;
        using var scope = _log.BeginScope(new RequestScope(id));
        try
        {
            await next(context);
        }
        finally
        {
            if (serving.AccessLog) Access(context, id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Adds <c>request_id</c> to every ProblemDetails the server writes.</summary>
    public static void AddToProblem(Microsoft.AspNetCore.Http.ProblemDetailsContext problem) =>
        problem.ProblemDetails.Extensions["request_id"] = problem.HttpContext.TraceIdentifier;

    private void Access(HttpContext context, string id, double ms)
    {
        var request = context.Request;
        // The version that answered (routing, canary and fallback included) when a prediction was answered; else the one asked for.
        var served = context.Features.Get<Observability.ServedBy>();
        var version = served?.Version ?? (request.RouteValues.TryGetValue("version", out var v) ? v?.ToString()
            : request.Query.TryGetValue("version", out var q) ? q.ToString() : null);
        var model = served?.Model ?? (request.RouteValues.TryGetValue("name", out var name) ? name?.ToString() : null);
        _log.Request(request.Method, request.Path.Value ?? "", context.Response.StatusCode, ms, model, version, id, context.Features.Get<RequestCaller>()?.KeyName);
    }

    private static string? Sane(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= 64 } id) return null;
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')) return null;
        }
        return id;
    }

    // 64 random bits in hex: unique enough to find one request among a day's logs on many replicas.
    private static string NewId() => string.Create(16, Random.Shared.NextInt64(), static (span, n) => n.TryFormat(span, out _, "x16", null));
}
