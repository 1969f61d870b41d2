using Recur.Core.Serving;

namespace Recur.Core.Monitoring;

/// <summary>The true label for a key, arriving after the prediction.</summary>
/// <param name="Key">The client's key, as sent with the prediction.</param>
/// <param name="Label">The true label (a class, or a number for regression).</param>
/// <param name="Timestamp">When the label's event happened (a time column of the source), else when it was received.</param>
public sealed record FeedbackRecord(string Key, string Label, DateTimeOffset Timestamp);

/// <summary>One stored feedback event: never updated or deleted, numbered in the order it was stored.</summary>
/// <param name="Seq">Increases with every stored event; replay from a seq to recompute everything after it.</param>
/// <param name="Key">The client's key.</param>
/// <param name="Label">The true label.</param>
/// <param name="EventTime">When the label's event happened, as the source said.</param>
/// <param name="ReceivedAt">When Recur stored it.</param>
/// <param name="Source">Where it came from: <c>cli:FILE</c>, <c>rest</c>, <c>source:FILE</c>.</param>
public sealed record FeedbackEvent(long Seq, string Key, string Label, DateTimeOffset EventTime, DateTimeOffset ReceivedAt, string Source);

/// <summary>A file of the watched feedback source that was ingested, known by the SHA-256 of its content.</summary>
/// <param name="Sha256">The content hash, lower-case hex.</param>
/// <param name="Path">Its path (relative to the project) when it was read.</param>
/// <param name="Rows">The labels it held.</param>
/// <param name="IngestedAt">When it was read.</param>
public sealed record FeedbackFile(string Sha256, string Path, int Rows, DateTimeOffset IngestedAt);

/// <summary>A logged prediction joined with its true label.</summary>
public sealed record LabelledPrediction(PredictionRecord Prediction, string TrueLabel)
{
    /// <summary>The event time of the label joined (the latest one stored for the key); null when unknown.</summary>
    public DateTimeOffset? LabelTime { get; init; }
}

/// <summary>
/// Ground-truth labels as an append-only event log, joined to the prediction log by key: the latest event of a
/// key is its label.
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Appends labels (one transaction), received at their own timestamps; a later label for a key supersedes the earlier in the join.</summary>
    Task AddAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken ct = default);

    /// <summary>
    /// Appends labels as events (one transaction) received at <paramref name="receivedAt"/> from <paramref name="source"/>.
    /// With <paramref name="file"/>, the file is recorded in the same transaction and nothing is appended when a file with
    /// the same content hash was recorded before; returns whether the events were appended.
    /// </summary>
    Task<bool> AppendAsync(IReadOnlyList<FeedbackRecord> feedback, DateTimeOffset receivedAt, string source, FeedbackFile? file = null, CancellationToken ct = default);

    /// <summary>Stored events after <paramref name="afterSeq"/> in seq order, optionally only those of some keys.</summary>
    Task<IReadOnlyList<FeedbackEvent>> ReadEventsAsync(long afterSeq = 0, IReadOnlyCollection<string>? keys = null, CancellationToken ct = default);

    /// <summary>The files of the watched source ingested so far, oldest first.</summary>
    Task<IReadOnlyList<FeedbackFile>> ReadFilesAsync(CancellationToken ct = default);

    /// <summary>The latest prediction of each key of a model joined with its latest label, optionally only predictions since a time.</summary>
    Task<IReadOnlyList<LabelledPrediction>> JoinAsync(string model, DateTimeOffset? since = null, CancellationToken ct = default);
}
