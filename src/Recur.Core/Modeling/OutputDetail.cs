using System.Text.Json.Serialization;

namespace Recur.Core.Modeling;

/// <summary>
/// What a framed model says about one row beyond its label and score (problem framing): the labels of a multilabel
/// row, a prediction interval and the predicted distribution of a reframed regression, why a row went to the neutral
/// class, the cascade branch that answered. Every field is optional; absent ones are left out of the JSON.
/// </summary>
public sealed record OutputDetail
{
    /// <summary>Multilabel: the labels predicted for the row (each label's score at or above its own threshold).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>The lower end of the prediction interval (regression); null when the model gives none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Low { get; init; }

    /// <summary>The upper end of the prediction interval (regression); null when the model gives none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? High { get; init; }

    /// <summary>The interval's nominal coverage, e.g. 0.9; null when there is no interval.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Level { get; init; }

    /// <summary>The predicted distribution: a probability per bucket (reframed regression) by the bucket's name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, double>? Distribution { get; init; }

    /// <summary>Why the row was answered with the neutral class; null when it was decided.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>The cascade branch that answered the row; null for a model that is not a cascade.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Branch { get; init; }
}
