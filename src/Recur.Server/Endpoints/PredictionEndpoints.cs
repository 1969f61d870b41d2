using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.Text.Json.Serialization;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Observability;
using Recur.Serving;
using Recur.Serving.Requests;
using Recur.Server.Contract;

namespace Recur.Server.Endpoints;

/// <summary>Keyed online prediction, by alias (default champion) or explicit version.</summary>
internal static class PredictionEndpoints
{
    public static void MapPredictionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/models/{name}:predict", ByQuery)
            .WithBody<PredictRequest>().WithName("Predict").WithSummary("Predict for keyed instances; ?version=N or ?alias=A, else ?route=R or the model's default route (serving.routes), else the champion.");
        app.MapPost("/v1/models/{name}/versions/{version:int}:predict", ByVersion)
            .WithBody<PredictRequest>().WithName("PredictVersion").WithSummary("Predict with an explicit model version.");
        app.MapPost("/v1/models/{name}:explain", Explain)
            .WithBody<PredictRequest>().WithName("Explain").WithSummary("Exact TreeSHAP contributions of each raw input to each output's raw score, for keyed instances; ?version=N or ?alias=A. Not logged.");
        app.MapPost("/v1/models/{name}:features", Features)
            .WithBody<PredictRequest>().WithName("Features").WithSummary("The features the model's learner reads for keyed instances (its fitted feature chain applied); ?version=N or ?alias=A. Not logged.");
    }

    /// <summary>The explain response body: per row, per output, the expected raw score and each raw input's contribution.</summary>
    internal sealed record ExplainResponse(int ModelVersion, IReadOnlyList<string> Outputs, IReadOnlyList<ExplainedRow> Rows);

    /// <summary>One explained instance.</summary>
    internal sealed record ExplainedRow(string Key, IReadOnlyDictionary<string, double> Expected, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Contributions);

    private static async Task<Ok<ExplainResponse>> Explain(string name, int? version, string? alias, HttpRequest request, PredictionService service, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(request, ct);
        var (loaded, batch, rows) = await service.ExplainAsync(ModelSelector.From(name, version, alias), document.RootElement, ct);
        var outputs = loaded.Model.Manifest.Plan.ScoreOutputs;
        var explained = rows.Select((e, r) => new ExplainedRow(batch.Keys[r],
            outputs.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => e.Expected[p.i]),
            outputs.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => e.Contributions[p.i]))).ToList();
        return TypedResults.Ok(new ExplainResponse(loaded.Version.Version, outputs, explained));
    }

    /// <summary>The features response body.</summary>
    internal sealed record FeaturesResponse(int ModelVersion, IReadOnlyList<FeatureRow> Rows);

    private static async Task<Ok<FeaturesResponse>> Features(string name, int? version, string? alias, HttpRequest request, PredictionService service, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(request, ct);
        var (loaded, batch, features) = await service.FeaturesAsync(ModelSelector.From(name, version, alias), document.RootElement, ct);
        return TypedResults.Ok(new FeaturesResponse(loaded.Version.Version, FeatureRow.From(batch.Keys, features)));
    }

    /// <summary>The response body.</summary>
    internal sealed record PredictResponse(IReadOnlyList<PredictionDto> Predictions);

    /// <summary>
    /// One keyed prediction: <c>{key, label, score}</c> (binary), <c>{key, label, scores}</c> (multiclass) or
    /// <c>{key, value}</c> (regression), each with <c>model_version</c>, and <c>rules</c> (the safeguard rules that
    /// fired) when any did.
    /// </summary>
    internal sealed record PredictionDto(
        string Key,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Score,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, double>? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value,
        int ModelVersion,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Rules = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Phase = null)
    {
        /// <summary>Multilabel: the labels predicted for the row.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? Labels { get; init; }

        /// <summary>The prediction interval <c>{low, high, level}</c> of a framed regression.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IntervalDto? Interval { get; init; }

        /// <summary>The predicted distribution (probability per bucket) of a reframed regression.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyDictionary<string, double>? Distribution { get; init; }

        /// <summary>Why the row was answered with the neutral class.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Reason { get; init; }

        /// <summary>The cascade branch that answered.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Branch { get; init; }

        public static PredictionDto From(PredictionResult r)
        {
            var phase = r.Role switch { PredictionService.FastPhase => 1, PredictionService.FullPhase => 2, _ => (int?)null };
            PredictionDto dto = r.Task switch
            {
                ModelTask.Binary => new(r.Key, r.Label, r.Score, null, null, r.ModelVersion, r.Rules, phase),
                ModelTask.Multiclass => new(r.Key, r.Label, null, r.Scores, null, r.ModelVersion, r.Rules, phase),
                // Multilabel: {labels, scores}; the labels come from the detail below.
                ModelTask.Multilabel => new(r.Key, null, null, r.Scores, null, r.ModelVersion, r.Rules, phase),
                _ => new(r.Key, null, null, null, r.Score, r.ModelVersion, r.Rules, phase),
            };
            return r.Detail is not { } d ? dto : dto with
            {
                Labels = d.Labels,
                Interval = d.Low is { } low && d.High is { } high ? new IntervalDto(low, high, d.Level) : null,
                Distribution = d.Distribution,
                Reason = d.Reason,
                Branch = d.Branch,
            };
        }
    }

    /// <summary>A prediction interval: its ends and nominal coverage.</summary>
    internal sealed record IntervalDto(double Low, double High, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Level);

    private static async Task<PredictionsResult> ByQuery(string name, int? version, string? alias, string? route, HttpContext context, PredictionService service, RecurMetrics metrics, CancellationToken ct)
    {
        if (version is null && string.IsNullOrEmpty(alias))
        {
            using var document = await JsonBody.ReadAsync(context.Request, ct);
            var results = await service.PredictRoutedAsync(name, string.IsNullOrEmpty(route) ? null : route, document.RootElement, ct);
            return Answer(context, metrics, name, results);
        }
        if (!string.IsNullOrEmpty(route)) throw RecurException.Invalid("give a route, or a version or alias, not both", "route");
        return await Predict(ModelSelector.From(name, version, alias), context, service, metrics, ct);
    }

    private static Task<PredictionsResult> ByVersion(string name, int version, HttpContext context, PredictionService service, RecurMetrics metrics, CancellationToken ct) =>
        Predict(ModelSelector.From(name, version, null), context, service, metrics, ct);

    private static async Task<PredictionsResult> Predict(ModelSelector selector, HttpContext context, PredictionService service, RecurMetrics metrics, CancellationToken ct)
    {
        using var document = await JsonBody.ReadAsync(context.Request, ct);
        var results = await service.PredictAsync(selector, document.RootElement, ct);
        return Answer(context, metrics, selector.Model, results);
    }

    // Counts the answers by version and the safeguard rules that fired, and tells the request metrics who answered.
    private static PredictionsResult Answer(HttpContext context, RecurMetrics metrics, string model, IReadOnlyList<PredictionResult> results)
    {
        var first = results.Count > 0 ? results[0].ModelVersion : 0;
        var (current, run, mixed) = (first, 0, false);
        foreach (var r in results)
        {
            if (r.ModelVersion != current)
            {
                metrics.Predictions.Add(model, RecurMetrics.Label(current), count: run);
                (current, run, mixed) = (r.ModelVersion, 0, true);
            }
            run++;
            if (r.Rules is { } rules) foreach (var rule in rules) metrics.SafeguardHits.Add(model, rule);
        }
        if (run > 0) metrics.Predictions.Add(model, RecurMetrics.Label(current), count: run);
        Observability.ServedBy.Mark(context, model, mixed ? "mixed" : RecurMetrics.Label(first));
        return new PredictionsResult(results);
    }
}
