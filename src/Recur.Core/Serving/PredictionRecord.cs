namespace Recur.Core.Serving;

/// <summary>One logged prediction: the client's key, the model that answered, what it saw and said.</summary>
/// <param name="Key">The client's key, passed through from request to log to feedback.</param>
/// <param name="Model">The model name.</param>
/// <param name="Version">The model version that answered.</param>
/// <param name="Timestamp">When it answered.</param>
/// <param name="InputsJson">The features as a JSON object.</param>
/// <param name="Label">The predicted label.</param>
/// <param name="Score">The score (probability of the positive class).</param>
/// <param name="Route">The gateway route that chose the version, or null when the client named the version or alias.</param>
/// <param name="Role">
/// Null for an answer returned to the client by a plain route; <c>shadow</c> for a shadow copy (logged, never
/// returned, left out of monitoring); <c>phase1</c>/<c>phase2</c> for two-phase answers by the fast or the full model.
/// </param>
/// <param name="LatencyMs">How long the version took to score the request's rows it answered, in milliseconds.</param>
/// <param name="Rules">The safeguard rules that fired, comma-separated (e.g. <c>range:age:clamp,override:no-minors</c>); null when none.</param>
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
    string? Route = null,
    string? Role = null,
    double? LatencyMs = null,
    string? Rules = null,
    string? SurrogateLabel = null,
    double? SurrogateScore = null)
{
    /// <summary>The role of a shadow copy.</summary>
    public const string ShadowRole = "shadow";

    /// <summary>
    /// A unique id of the record in the durable prediction log that delivered it (its instance, segment and frame
    /// offset), or null. A store keeps one record per non-null id: appending it again after a crash between the
    /// insert and the drain checkpoint stores nothing more. Null records are always appended.
    /// </summary>
    public string? LogId { get; init; }
}

/// <summary>The log of every prediction served.</summary>
public interface IPredictionLog
{
    /// <summary>Appends predictions (one transaction per call).</summary>
    Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken ct = default);

    /// <summary>Logged predictions of a model, oldest first; optionally only since a time, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<PredictionRecord>> ReadAsync(string model, DateTimeOffset? since = null, int limit = int.MaxValue, CancellationToken ct = default);

    /// <summary>Predictions logged for these keys.</summary>
    Task<IReadOnlyList<PredictionRecord>> FindByKeysAsync(string model, IReadOnlyCollection<string> keys, CancellationToken ct = default);

    /// <summary>
    /// Every record a gateway route logged for a model, shadow copies included, oldest first; optionally only since a
    /// time. (<see cref="ReadAsync"/> and <see cref="FindByKeysAsync"/> leave shadow copies out.)
    /// </summary>
    Task<IReadOnlyList<PredictionRecord>> ReadRouteAsync(string model, string route, DateTimeOffset? since = null, CancellationToken ct = default);
}
