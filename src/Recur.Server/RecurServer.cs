using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.HostFiltering;
using Recur.Core.Project;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Pipeline;
using Recur.Server.Contract;
using Recur.Server.Endpoints;
using Recur.Server.Requests;
using Recur.Server.Security;

namespace Recur.Server;

/// <summary>Builds the REST server for a project. The host only wires things up; the behaviour lives in the modules.</summary>
public static class RecurServer
{
    /// <summary>
    /// Creates the app for the project in <paramref name="projectDir"/>, listening on <paramref name="url"/>
    /// (port 0 picks a free port). The project's stores and services come from the composition root
    /// (<c>RecurServices.AddRecur</c>), the same as the CLI's; <paramref name="store"/> overrides
    /// recur.yaml's <c>storage:</c>. Logs go to stderr from <paramref name="minimumLevel"/> up, as text or JSON
    /// lines (<paramref name="logFormat"/>, else <c>serving.log_format</c>).
    /// </summary>
    public static WebApplication Create(string projectDir, string url, LogLevel minimumLevel = LogLevel.Warning, TimeProvider? time = null, string? store = null, string? logFormat = null)
    {
        // No appsettings.json watch: by default the host watches the working folder (often the project, where the
        // prediction log and the database are written on every request) and wakes on every write.
        KeepWorkersForBlockingWork();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        var project = RecurServices.Load(projectDir, store);
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(minimumLevel)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        ServerLogFormats.Apply(builder.Logging, logFormat ?? project.Config.Serving.LogFormat);
        builder.Services.AddRecur(project, time);
        builder.Services.AddServerPredictionLog(project); // serving.log: answered ⇒ stored (fsync) or queued (none)
        var serving = project.Config.Serving;
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = serving.MaxBodyBytes);
        builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = AllowedHosts(url, serving));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = RequestIds.AddToProblem);
        builder.Services.AddApiKeyChecks();
        // The same snake_case names as the CLI's --json output, for every response body.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddRecurOpenApi();
        builder.Services.AddHostedService<Loop.LoopBackgroundService>();
        builder.Services.AddSingleton<Observability.StoreStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Observability.StoreStartup>());
        builder.Services.AddSingleton<Observability.ReadinessCheck>();
        builder.Services.AddSingleton<Observability.LogHealthWatch>();

        var app = builder.Build();
        // Compose the project now (open the database, start the log writer), not on the first request:
        // a store that cannot open fails the start, and the first request pays nothing for it.
        _ = app.Services.GetRequiredService<RecurProject>();
        // A PostgreSQL store that does not answer (or is newer than this build) fails the start with one line naming
        // host:port/db; one that does not answer yet is tried again for serving.store_wait_seconds first, or, with
        // serving.store_down_at_start: listen, in the background while the server listens, not ready.
        var startup = app.Services.GetRequiredService<Observability.StoreStartup>();
        startup.RunBeforeListening(url, BindAddress.IsLoopback(url));
        // Outermost: every request is counted with the status it was finally sent.
        app.UseMiddleware<Observability.RequestMetrics>();
        app.UseMiddleware<RequestIds>();
        app.UseHostFiltering();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ProblemMapping>();
        if (startup.ListensFirst) app.UseMiddleware<Observability.StartupGate>();
        app.UseMiddleware<ApiKeyAuthentication>();
        app.MapOpenApi();
        app.MapApiPage();
        app.MapPredictionEndpoints();
        app.MapRegistryEndpoints();
        app.MapRouteEndpoints();
        app.MapSafeguardEndpoints();
        app.MapRegistryEventEndpoints();
        app.MapFeedbackEndpoints();
        app.MapPerformanceEndpoints();
        app.MapSurrogateEndpoints();
        app.MapBatchEndpoints();
        app.MapHealth();
        Observability.ReadinessEndpoints.MapReadiness(app);
        Observability.MetricsEndpoints.MapMetrics(app);
        return app;
    }

    /// <summary>
    /// The Host header values answered. Bound to loopback, only loopback names and serving.allowed_hosts: a
    /// page on another site that rebinds its DNS name to 127.0.0.1 gets 400. Bound elsewhere, every name
    /// unless serving.allowed_hosts lists some.
    /// </summary>
    internal static List<string> AllowedHosts(string url, ServingConfig serving)
    {
        if (!BindAddress.IsLoopback(url)) return serving.AllowedHosts.Count > 0 ? [.. serving.AllowedHosts] : ["*"];
        return ["localhost", "127.0.0.1", "[::1]", .. serving.AllowedHosts];
    }

    /// <summary>
    /// What stopped the app after it started listening, if anything did: with <c>serving.store_down_at_start: listen</c>,
    /// a failure found once the store answered (a newer schema, invalid routes). Hosts report it and exit non-zero.
    /// </summary>
    public static Exception? StartFailure(WebApplication app) => app.Services.GetRequiredService<Observability.StoreStartup>().Failure;

    /// <summary>The address the started app listens on.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    // Storing the prediction log in SQLite, and fsyncing the local log for a request that finds it idle, block a
    // thread-pool worker for milliseconds. The pool starts with one worker per core and adds more slowly, so on a
    // server with one or two cores a blocked worker stalled every other request: single-row p99 at one connection
    // was 31 ms with durability none, 4 ms with eight workers kept (docs/design/serving-speed.md).
    private static void KeepWorkersForBlockingWork()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (workers < 8) ThreadPool.SetMinThreads(8, io);
    }
}
