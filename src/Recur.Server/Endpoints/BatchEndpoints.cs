using Recur.Server.Contract;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Serving;
using Recur.Serving.Batch;
using Recur.Serving.Published;
using Recur.Serving.Requests;

namespace Recur.Server.Endpoints;

/// <summary>Batch prediction that keeps the good instances of a partly bad request, and batch results published by key.</summary>
internal static class BatchEndpoints
{
    public static void MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        // Every POST to /v1/models/{name}:… declares what it accepts: the router keeps these endpoints together (the
        // name and the verb share one path segment), and one without the declaration turns a 415 into a 404.
        app.MapPost("/v1/models/{name}:batchPredict", BatchPredict)
            .WithBody<PredictRequest>("application/x-ndjson").WithName("BatchPredict").WithSummary("Predict for keyed instances ({instances:[…]} or JSON Lines as application/x-ndjson); bad instances are listed in 'rejects' and the others scored. ?version=N or ?alias=A.");
        app.MapGet("/v1/models/{name}/predictions/{key}", Published)
            .WithName("PublishedPrediction").WithSummary("The prediction a batch run published for a key, with its age; ?max_age=SECONDS refuses an older one (404).");
        app.MapPost("/v1/models/{name}/predictions/{key}", PublishedOrLive)
            .WithName("PublishedOrLivePrediction").WithSummary("The published prediction for a key when fresh (?max_age=SECONDS), else the body's {features} scored live (logged). ?version=N or ?alias=A for live scoring.");
    }

    /// <summary>The batchPredict response: the scored instances with their positions, and the refused ones.</summary>
    internal sealed record BatchPredictResponse(int ModelVersion, IReadOnlyList<IndexedPrediction> Predictions, IReadOnlyList<InstanceError> Rejects);

    /// <summary>One scored instance and its position in the request (0-based, as in <c>instances[i]</c>).</summary>
    internal sealed record IndexedPrediction(
        int Index,
        string Key,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
        int ModelVersion);

    /// <summary>A keyed answer, with where it came from and, when published, its age.</summary>
    internal sealed record KeyedResponse(
        string Key,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
        int ModelVersion,
        string Source,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PublishedAt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AgeSeconds)
    {
        public static KeyedResponse From(KeyedAnswer a)
        {
            var p = PredictionEndpoints.PredictionDto.From(a.Result);
            return new(p.Key, p.Label, p.Score, p.Scores, p.Value, p.ModelVersion, a.Source, a.PublishedAt, a.AgeSeconds);
        }
    }

    private static async Task<Ok<BatchPredictResponse>> BatchPredict(string name, int? version, string? alias, HttpRequest request, BatchPredictor predictor, CancellationToken ct)
    {
        var selector = ModelSelector.From(name, version, alias);
        BatchPredictOutcome outcome;
        if (IsJsonLines(request))
        {
            using var reader = new StreamReader(request.Body);
            var lines = new List<string>();
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line)) lines.Add(line);
            }
            outcome = await predictor.PredictLinesAsync(selector, lines, ct);
        }
        else
        {
            using var document = await JsonBody.ReadAsync(request, ct);
            outcome = await predictor.PredictAsync(selector, document.RootElement, ct);
        }
        var predictions = outcome.Results.Select((r, i) =>
        {
            var p = PredictionEndpoints.PredictionDto.From(r);
            return new IndexedPrediction(outcome.Indices[i], p.Key, p.Label, p.Score, p.Scores, p.Value, p.ModelVersion);
        }).ToList();
        return TypedResults.Ok(new BatchPredictResponse(outcome.Loaded.Version.Version, predictions, outcome.Errors));
    }

    private static async Task<Ok<KeyedResponse>> Published(string name, string key, [FromQuery(Name = "max_age")] double? maxAge, KeyedPredictions keyed, CancellationToken ct) =>
        TypedResults.Ok(KeyedResponse.From(await keyed.GetAsync(name, key, maxAge, ct)));

    private static async Task<Ok<KeyedResponse>> PublishedOrLive(string name, string key, int? version, string? alias, [FromQuery(Name = "max_age")] double? maxAge,
        HttpRequest request, KeyedPredictions keyed, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(request, ct);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Object)
        {
            throw RecurException.Invalid("the body must be an object with 'features' (the key's feature values, scored live when no fresh published prediction exists)", "features");
        }
        return TypedResults.Ok(KeyedResponse.From(await keyed.GetOrScoreAsync(ModelSelector.From(name, version, alias), key, features, maxAge, ct)));
    }

    private static bool IsJsonLines(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));
}
