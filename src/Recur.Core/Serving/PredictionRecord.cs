namespace Recur.Core.Serving;

/// <summary>One logged prediction: the client's key, the model that answered, what it saw and said.</summary>
/// <param name="Key">The client's key, passed through from request to log to feedback.</param>
/// <param name="Model">The model name.</param>
/// <param name="Version">The model version that answered.</param>
/// <param name="Timestamp">When it answered.</param>
/// <param name="InputsJson">The features as a JSON object.</param>
/// <param name="Label">The predicted label.</param>
/// <param name="Score">The score (probability of the positive class).</param>
/// <param name="SurrogateLabel">The label the version's explainable surrogate gave for the same inputs; null when it has none.</param>
/// <param name="SurrogateScore">The surrogate's score (same meaning as <paramref name="Score"/>); null when it has none.</param>
public sealed record PredictionRecord(
    string Key,
    string Model,
    int Version,
    DateTimeOffset Timestamp,
    string InputsJson,
    string Label,
    double Score,
    string? SurrogateLabel = null,
    double? SurrogateScore = null);

/// <summary>The log of every prediction served.</summary>
public interface IPredictionLog
{
    /// <summary>Appends predictions (one transaction per call).</summary>
    Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken ct = default);

    /// <summary>Logged predictions of a model, oldest first; optionally only since a time, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PredictionRecord>> ReadAsync(string model, DateTimeOffset? since = null, int limit = int.MaxValue, CancellationToken ct = default);

    /// <summary>Predictions logged for these keys.</summary>
    Task<IReadOnlyList<PredictionRecord>> FindByKeysAsync(string model, IReadOnlyCollection<string> keys, CancellationToken ct = default);
}
