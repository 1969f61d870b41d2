using Recur.Core.Data;

namespace Recur.Serving.Requests;

/// <summary>Validated instances of one request: their keys, features as a table, and the raw JSON of each to log.</summary>
public sealed record PredictBatch(IReadOnlyList<string> Keys, DataTable Features, IReadOnlyList<string> InputsJson);

/// <summary>One answer, keyed as the request was.</summary>
public sealed record PredictionResult(string Key, string Label, double Score, int ModelVersion);
