using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Serving.Requests;

/// <summary>Validated instances of one request: their keys, features as a table, and the raw JSON of each to log.</summary>
public sealed record PredictBatch(IReadOnlyList<string> Keys, DataTable Features, IReadOnlyList<string> InputsJson);

/// <summary>
/// One answer, keyed as the request was. Binary: <see cref="Label"/> and <see cref="Score"/> (the
/// positive class's probability); multiclass: <see cref="Label"/> and <see cref="Scores"/> per class
/// (<see cref="Score"/> is the label's); regression: <see cref="Score"/> is the predicted value. <see cref="Rules"/> names
/// the safeguard rules that fired (null when none). <see cref="Role"/> says which phase of a two-phase route answered
/// (<c>phase1</c>, <c>phase2</c>), else null. <see cref="Detail"/> carries what a framed model adds (interval,
/// distribution, neutral reason, cascade branch, multilabel labels), else null.
/// </summary>
public sealed record PredictionResult(string Key, ModelTask Task, string Label, double Score, IReadOnlyDictionary<string, double>? Scores, int ModelVersion,
    IReadOnlyList<string>? Rules = null, string? Role = null, OutputDetail? Detail = null);

/// <summary>An instance <c>:batchPredict</c> set aside: its position in the request, its key when readable, the field at fault and why.</summary>
public sealed record InstanceError(int Index, string? Key, string? Field, string Error);
