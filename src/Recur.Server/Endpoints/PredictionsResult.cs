using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Recur.Core.Modeling;
using Recur.Serving;
using Recur.Serving.Requests;

namespace Recur.Server.Endpoints;

/// <summary>
/// The 200 answer of the prediction endpoints, written straight from the results with a <see cref="Utf8JsonWriter"/> into
/// the response pipe: the same bytes the serializer writes for <see cref="PredictionEndpoints.PredictResponse"/> (snake_case,
/// absent fields left out, ASP.NET Core's relaxed encoder), without building the DTOs or resolving serializer metadata per request.
/// The OpenAPI document still shows <c>PredictResponse</c> as the 200 schema.
/// </summary>
internal sealed class PredictionsResult(IReadOnlyList<PredictionResult> results) : IResult, IEndpointMetadataProvider
{
    // ASP.NET Core's JSON defaults escape only what JSON requires (so "<=50K" stays as it is): the same encoder.
    internal static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The answers written.</summary>
    public IReadOnlyList<PredictionResult> Results => results;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions)) Write(writer, results);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PredictionEndpoints.PredictResponse), ["application/json"]));
    }

    /// <summary>Writes <c>{"predictions":[…]}</c> in the order and shape of <see cref="PredictionEndpoints.PredictionDto"/>.</summary>
    internal static void Write(Utf8JsonWriter writer, IReadOnlyList<PredictionResult> results)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(Names.Predictions);
        for (var i = 0; i < results.Count; i++) WritePrediction(writer, results[i]);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePrediction(Utf8JsonWriter writer, PredictionResult r)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Key, r.Key);
        switch (r.Task)
        {
            case ModelTask.Binary:
                writer.WriteString(Names.Label, r.Label);
                writer.WriteNumber(Names.Score, r.Score);
                break;
            case ModelTask.Multiclass:
                writer.WriteString(Names.Label, r.Label);
                WriteScores(writer, Names.Scores, r.Scores);
                break;
            case ModelTask.Multilabel:
                WriteScores(writer, Names.Scores, r.Scores);
                break;
            default:
                writer.WriteNumber(Names.Value, r.Score);
                break;
        }
        writer.WriteNumber(Names.ModelVersion, r.ModelVersion);
        if (r.Rules is { } rules)
        {
            writer.WriteStartArray(Names.Rules);
            foreach (var rule in rules) writer.WriteStringValue(rule);
            writer.WriteEndArray();
        }
        var phase = r.Role switch { PredictionService.FastPhase => 1, PredictionService.FullPhase => 2, _ => 0 };
        if (phase != 0) writer.WriteNumber(Names.Phase, phase);
        if (r.Detail is { } d)
        {
            if (d.Labels is { } labels)
            {
                writer.WriteStartArray(Names.Labels);
                foreach (var label in labels) writer.WriteStringValue(label);
                writer.WriteEndArray();
            }
            if (d.Low is { } low && d.High is { } high)
            {
                writer.WriteStartObject(Names.Interval);
                writer.WriteNumber(Names.Low, low);
                writer.WriteNumber(Names.High, high);
                if (d.Level is { } level) writer.WriteNumber(Names.Level, level);
                writer.WriteEndObject();
            }
            WriteScores(writer, Names.Distribution, d.Distribution);
            if (d.Reason is { } reason) writer.WriteString(Names.Reason, reason);
            if (d.Branch is { } branch) writer.WriteString(Names.Branch, branch);
        }
        writer.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyDictionary<string, double>? scores)
    {
        if (scores is null) return;
        writer.WriteStartObject(name);
        foreach (var (key, value) in scores) writer.WriteNumber(key, value);
        writer.WriteEndObject();
    }

    // Property names encoded once.
    private static class Names
    {
        public static readonly JsonEncodedText Predictions = JsonEncodedText.Encode("predictions");
        public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText Scores = JsonEncodedText.Encode("scores");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText ModelVersion = JsonEncodedText.Encode("model_version");
        public static readonly JsonEncodedText Rules = JsonEncodedText.Encode("rules");
        public static readonly JsonEncodedText Phase = JsonEncodedText.Encode("phase");
        public static readonly JsonEncodedText Labels = JsonEncodedText.Encode("labels");
        public static readonly JsonEncodedText Interval = JsonEncodedText.Encode("interval");
        public static readonly JsonEncodedText Low = JsonEncodedText.Encode("low");
        public static readonly JsonEncodedText High = JsonEncodedText.Encode("high");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Distribution = JsonEncodedText.Encode("distribution");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Branch = JsonEncodedText.Encode("branch");
    }
}
