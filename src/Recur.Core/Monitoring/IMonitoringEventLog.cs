using Recur.Core.Serving;

namespace Recur.Core.Monitoring;

/// <summary>A logged prediction with its position in the append-only log.</summary>
/// <param name="Seq">The log's increasing sequence number.</param>
/// <param name="Record">The prediction.</param>
public sealed record LoggedPrediction(long Seq, PredictionRecord Record);

/// <summary>
/// A prediction paired with the label that came back for it: the first answered prediction of a key with the first
/// feedback event of that key, so a pair never changes once both events are in the log.
/// </summary>
/// <param name="PredictionSeq">The prediction's position in the prediction log.</param>
/// <param name="FeedbackSeq">The feedback event's position in the feedback log.</param>
/// <param name="Prediction">The prediction.</param>
/// <param name="TrueLabel">The label that came back.</param>
public sealed record LabelledEvent(long PredictionSeq, long FeedbackSeq, PredictionRecord Prediction, string TrueLabel);

/// <summary>How far the two logs have been read: the last prediction seq and the last feedback seq consumed (0: none).</summary>
/// <param name="Prediction">The last prediction seq.</param>
/// <param name="Feedback">The last feedback seq.</param>
public sealed record EventCursor(long Prediction, long Feedback)
{
    /// <summary>Nothing consumed yet.</summary>
    public static EventCursor Start { get; } = new(0, 0);
}

/// <summary>
/// The prediction and feedback logs read as an append-only, replayable event log: everything monitoring measures is
/// a function of the events up to a cursor, so a replay from the start gives the same answer as any sequence of
/// incremental reads.
/// </summary>
public interface IMonitoringEventLog
{
    /// <summary>The newest position of both logs (for any model).</summary>
    Task<EventCursor> HeadAsync(CancellationToken ct = default);

    /// <summary>
    /// The answered predictions (shadow copies left out) of a model with <paramref name="afterSeq"/> &lt; seq ≤
    /// <paramref name="throughSeq"/>, oldest first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<LoggedPrediction>> ReadPredictionsAsync(string model, long afterSeq, long throughSeq, int limit, CancellationToken ct = default);

    /// <summary>
    /// The labelled pairs of a model that exist at <paramref name="to"/> and did not at <paramref name="from"/> (the
    /// prediction or the feedback event is newer than <paramref name="from"/>), in prediction order.
    /// </summary>
    Task<IReadOnlyList<LabelledEvent>> ReadLabelledAsync(string model, EventCursor from, EventCursor to, CancellationToken ct = default);

    /// <summary>The number of answered predictions of a model with seq ≤ <paramref name="throughSeq"/>.</summary>
    Task<long> CountPredictionsAsync(string model, long throughSeq, CancellationToken ct = default);

    /// <summary>The last prediction seq of a model logged before <paramref name="time"/>; 0 when none.</summary>
    Task<long> SeqBeforeAsync(string model, DateTimeOffset time, CancellationToken ct = default);
}
