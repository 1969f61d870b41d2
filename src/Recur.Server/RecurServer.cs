using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core.Monitoring;
using Recur.Pipeline;
using Recur.Server.Endpoints;
using Recur.Serving;
using Recur.Serving.Log;

namespace Recur.Server;

/// <summary>Builds the REST server for a project. The host only wires things up; the behaviour lives in the modules.</summary>
public static class RecurServer
{
    /// <summary>Creates the app listening on <paramref name="url"/> (port 0 picks a free port).</summary>
    public static WebApplication Create(RecurProject project, string url, LogLevel minimumLevel = LogLevel.Warning)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(minimumLevel)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.Services.AddProblemDetails();
        // The same snake_case names as the CLI's --json output, for every response body.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(project);
        builder.Services.AddSingleton(project.Time);
        builder.Services.AddSingleton(project.Registry);
        builder.Services.AddSingleton<IFeedbackStore>(project.Log);
        builder.Services.AddSingleton(_ => new ModelPool(project.Registry, project.Artifacts, project.Time));
        builder.Services.AddSingleton(_ => new PredictionLogWriter(project.Log));
        builder.Services.AddSingleton<PredictionService>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ProblemMapping>();
        app.MapOpenApi();
        app.MapPredictionEndpoints();
        app.MapRegistryEndpoints();
        app.MapFeedbackEndpoints();
        app.MapGet("/healthz", (PredictionLogWriter log) => log.Failures == 0
                ? Results.Ok(new { status = "healthy" })
                : Results.Json(new { status = "degraded", log_write_failures = log.Failures }, statusCode: 503))
            .WithName("Health").WithSummary("Liveness and prediction-log health.");
        return app;
    }

    /// <summary>The address the started app listens on.</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
