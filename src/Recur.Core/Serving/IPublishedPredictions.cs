namespace Recur.Core.Serving;

/// <summary>One prediction published by a batch run, served by key.</summary>
/// <param name="Key">The row's key.</param>
/// <param name="Model">The model name.</param>
/// <param name="Version">The version that scored it.</param>
/// <param name="Label">The predicted label (empty for regression).</param>
/// <param name="Score">The score: the positive class's probability, the label's (multiclass) or the value (regression).</param>
/// <param name="Scores">Per class, for multiclass models; else null.</param>
/// <param name="PublishedAt">When its run was published.</param>
public sealed record PublishedPrediction(string Key, string Model, int Version, string Label, double Score, IReadOnlyDictionary<string, double>? Scores, DateTimeOffset PublishedAt);

/// <summary>
/// Keyed results of batch runs, served online by key. A run is written in pieces and becomes visible all
/// at once when completed, replacing the model's previous run; a run never completed (a crash, a failed
/// batch) is never seen.
/// </summary>
public interface IPublishedPredictions
{
    /// <summary>Starts an invisible run for a model's version; returns its id.</summary>
    Task<long> BeginAsync(string model, int version, CancellationToken ct = default);

    /// <summary>Adds predictions to an open run (a key given twice keeps the last).</summary>
    Task PutAsync(long run, IReadOnlyList<PublishedPrediction> predictions, CancellationToken ct = default);

    /// <summary>Publishes the run at <paramref name="at"/>: from now on it answers for its model, and the model's older runs are dropped.</summary>
    Task CompleteAsync(long run, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Drops an open run.</summary>
    Task AbandonAsync(long run, CancellationToken ct = default);

    /// <summary>The published prediction for a key from the model's current run; null when there is none.</summary>
    Task<PublishedPrediction?> GetAsync(string model, string key, CancellationToken ct = default);
}
