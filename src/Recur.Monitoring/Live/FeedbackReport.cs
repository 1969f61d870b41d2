using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Monitoring.Live;

/// <summary>The whole feedback log summarised.</summary>
/// <param name="Events">Feedback events stored.</param>
/// <param name="LastSeq">The newest event's seq (0 when none): replay from here.</param>
/// <param name="Keys">Distinct keys with a label.</param>
/// <param name="PendingKeys">Keys still without a logged prediction.</param>
/// <param name="Counts">Every event reclassified in seq order against today's prediction log.</param>
/// <param name="Files">Files of the watched source ingested so far.</param>
public sealed record FeedbackSummary(int Events, long LastSeq, int Keys, int PendingKeys, FeedbackCounts Counts, int Files);

/// <summary>
/// Summarises the feedback log by replaying it: every event, in seq order, classified against the predictions logged
/// now, so a label that was an unknown key when it arrived counts as matched once its prediction is logged.
/// </summary>
public static class FeedbackReport
{
    /// <summary>Replays the whole log for <paramref name="model"/>.</summary>
    public static async Task<FeedbackSummary> BuildAsync(IFeedbackStore store, IPredictionLog log, string model, FeedbackRules rules, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(log);
        var events = await store.ReadEventsAsync(0, null, ct);
        var keys = events.Select(e => e.Key).Distinct(StringComparer.Ordinal).ToList();
        var predictions = new Dictionary<string, PredictionRecord>(StringComparer.Ordinal);
        foreach (var p in await log.FindByKeysAsync(model, keys, ct)) predictions[p.Key] = p; // oldest first: the latest wins
        var counts = FeedbackClassifier.Count(events.Select(e => new FeedbackRecord(e.Key, e.Label, e.EventTime)), predictions,
            new Dictionary<string, string>(StringComparer.Ordinal), rules);
        var files = await store.ReadFilesAsync(ct);
        return new FeedbackSummary(events.Count, events.Count == 0 ? 0 : events[^1].Seq, keys.Count, keys.Count(k => !predictions.ContainsKey(k)), counts, files.Count);
    }
}
