using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Monitoring.Estimation;
using Recur.Monitoring.Live;
using Recur.Pipeline;
using Recur.Pipeline.Live;

namespace Recur.Server.Endpoints;

/// <summary>Live performance per version over windows, and label-free estimates beside the realised values.</summary>
internal static class PerformanceEndpoints
{
    public static void MapPerformanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models/{name}/performance", Performance).WithName("LivePerformance")
            .WithSummary("Live metrics per version over windows (?window=1h|1d|500|all, default 1d; ?version=N; ?since=, ?until= ISO-8601; ?by=COLUMN, repeatable): " +
                "rows, labelled rows, each metric with its 95 % interval or status insufficient_data, and per group of the sensitive columns the metric, selection rate and worst-group gaps.");
        app.MapGet("/v1/models/{name}/performance/estimate", Estimate).WithName("EstimatedPerformance")
            .WithSummary("Label-free performance per window (CBPE for classification, an error model for regression) with 95 % intervals, the realised value beside once labels came, " +
                "and whether it fell inside; the same query parameters as /performance (no ?by).");
    }

    private static async Task<Ok<LivePerformanceReport>> Performance(string name, HttpRequest request, RecurProject project, CancellationToken ct)
    {
        Check(name, project);
        var (window, selection) = Read(request);
        var by = request.Query["by"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        return TypedResults.Ok(await LivePerformanceStep.ComputeAsync(project, window, selection, by.Count > 0 ? by : null, ct));
    }

    private static async Task<Ok<PerformanceEstimateReport>> Estimate(string name, HttpRequest request, RecurProject project, CancellationToken ct)
    {
        Check(name, project);
        var (window, selection) = Read(request);
        return TypedResults.Ok(await PerformanceEstimationStep.EstimateAsync(project, window, selection, ct));
    }

    private static void Check(string name, RecurProject project)
    {
        if (name != project.Config.Name) throw RecurException.NotFound($"model '{name}' is not served here (this project's model is '{project.Config.Name}')");
    }

    private static (PerformanceWindow, LiveSelection) Read(HttpRequest request)
    {
        var window = PerformanceWindow.Parse(request.Query["window"].FirstOrDefault() ?? "1d", "window");
        int? version = request.Query["version"].FirstOrDefault() is { } v
            ? int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw RecurException.Invalid($"version: '{v}' is not a version number", "version")
            : null;
        return (window, new LiveSelection(Time(request, "since"), Time(request, "until"), version));
    }

    private static DateTimeOffset? Time(HttpRequest request, string name) => request.Query[name].FirstOrDefault() is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t
        : throw RecurException.Invalid($"{name}: '{text}' is not an ISO-8601 time", name);
}
