using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Serving;

namespace Recur.Server.Endpoints;

/// <summary>Keyed online prediction, by alias (default champion) or explicit version.</summary>
internal static class PredictionEndpoints
{
    public static void MapPredictionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/models/{name}:predict", ByQuery)
            .WithName("Predict").WithSummary("Predict for keyed instances; ?version=N or ?alias=A (default: champion).");
        app.MapPost("/v1/models/{name}/versions/{version:int}:predict", ByVersion)
            .WithName("PredictVersion").WithSummary("Predict with an explicit model version.");
    }

    /// <summary>The response body.</summary>
    internal sealed record PredictResponse(IReadOnlyList<PredictionDto> Predictions);

    /// <summary>One keyed prediction.</summary>
    internal sealed record PredictionDto(string Key, string Label, double Score, int ModelVersion);

    private static Task<Ok<PredictResponse>> ByQuery(string name, int? version, string? alias, HttpRequest request, PredictionService service, CancellationToken ct) =>
        Predict(ModelSelector.From(name, version, alias), request, service, ct);

    private static Task<Ok<PredictResponse>> ByVersion(string name, int version, HttpRequest request, PredictionService service, CancellationToken ct) =>
        Predict(ModelSelector.From(name, version, null), request, service, ct);

    private static async Task<Ok<PredictResponse>> Predict(ModelSelector selector, HttpRequest request, PredictionService service, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(request, ct);
        var results = await service.PredictAsync(selector, document.RootElement, ct);
        return TypedResults.Ok(new PredictResponse(results.Select(r => new PredictionDto(r.Key, r.Label, r.Score, r.ModelVersion)).ToList()));
    }
}
