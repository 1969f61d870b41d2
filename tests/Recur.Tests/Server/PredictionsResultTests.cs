using System.Text.Json;
using Recur.Core.Modeling;
using Recur.Server.Endpoints;
using Recur.Serving;
using Recur.Serving.Requests;

namespace Recur.Tests.Server;

/// <summary>The hand-written prediction response writes exactly the bytes the serializer wrote for the DTOs before it.</summary>
public sealed class PredictionsResultTests
{
    // The server's JSON settings: ASP.NET Core's defaults (web, relaxed encoder) with snake_case names.
    private static readonly JsonSerializerOptions ServerOptions = new(new Microsoft.AspNetCore.Http.Json.JsonOptions().SerializerOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string Serialized(IReadOnlyList<PredictionResult> results) =>
        JsonSerializer.Serialize(new PredictionEndpoints.PredictResponse([.. results.Select(PredictionEndpoints.PredictionDto.From)]), ServerOptions);

    private static string Written(IReadOnlyList<PredictionResult> results)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, PredictionsResult.WriterOptions)) PredictionsResult.Write(writer, results);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static TheoryData<string> Shapes => ["binary", "multiclass", "regression", "multilabel", "framed"];

    private static PredictionResult[] Of(string shape) => shape switch
    {
        "binary" =>
        [
            new("a-1", ModelTask.Binary, "<=50K", 0.006111719989607206, null, 1),
            new("a\"2 é", ModelTask.Binary, ">50K", 0.75, null, 2, ["override:seniors", "range:age:clamp"], PredictionService.FastPhase),
        ],
        "multiclass" => [new("m", ModelTask.Multiclass, "setosa", 0.9, new Dictionary<string, double> { ["setosa"] = 0.9, ["versi<color>"] = 0.1 }, 3, null, PredictionService.FullPhase)],
        "regression" => [new("r", ModelTask.Regression, "", 12.5e-7, null, 1, Detail: new OutputDetail { Low = 1, High = 2.5, Level = 0.9 })],
        "multilabel" => [new("l", ModelTask.Multilabel, "", 0, new Dictionary<string, double> { ["x"] = 0.2, ["y"] = 0.8 }, 1, Detail: new OutputDetail { Labels = ["y"] })],
        _ => [new("f", ModelTask.Regression, "", 3, null, 4, Detail: new OutputDetail { Low = 1, High = 5, Distribution = new Dictionary<string, double> { ["0-10"] = 1 }, Reason = "abstain", Branch = "fast" })],
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Write_EveryShape_MatchesTheSerializerByteForByte(string shape)
    {
        var results = Of(shape);

        Assert.Equal(Serialized(results), Written(results));
    }
}
