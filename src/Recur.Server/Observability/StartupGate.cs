using Microsoft.AspNetCore.Http;
using Recur.Core;

namespace Recur.Server.Observability;

/// <summary>
/// With <c>serving.store_down_at_start: listen</c>, answers every request but the probes and an open /metrics with 503
/// and Retry-After (through <see cref="Endpoints.ProblemMapping"/>) until <see cref="StoreStartup"/> is ready, naming
/// what it waits for; a client that retries is answered as soon as the store is.
/// </summary>
internal sealed class StartupGate(RequestDelegate next, StoreStartup startup, Recur.Core.Project.ServingConfig serving)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (startup.Waiting is not { } waiting || Exempt(context.Request.Path)) return next(context);
        throw new RecurException(FailureKind.Unavailable,
            $"not ready yet: the server started before its store answered and tries again once a second ({waiting})") { RetryAfterSeconds = 1 };
    }

    // The probes, and /metrics when it needs no key: a /metrics behind a key waits, since the keys cannot be read yet.
    private bool Exempt(PathString path) =>
        path.StartsWithSegments("/livez") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz")
        || (serving.OpenMetrics && path.StartsWithSegments("/metrics"));
}
