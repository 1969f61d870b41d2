using Recur.Core.Serving;

namespace Recur.Core.Monitoring;

/// <summary>The true label for a key, arriving after the prediction.</summary>
public sealed record FeedbackRecord(string Key, string Label, DateTimeOffset Timestamp);

/// <summary>A logged prediction joined with its true label.</summary>
public sealed record LabelledPrediction(PredictionRecord Prediction, string TrueLabel);

/// <summary>Stores ground-truth labels and joins them to the prediction log by key.</summary>
public interface IFeedbackStore
{
    /// <summary>Stores labels (one transaction); a later label for the same key replaces the earlier one.</summary>
    Task AddAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken ct = default);

    /// <summary>The latest prediction of each key of a model joined with its label, optionally only predictions since a time.</summary>
    Task<IReadOnlyList<LabelledPrediction>> JoinAsync(string model, DateTimeOffset? since = null, CancellationToken ct = default);
}
