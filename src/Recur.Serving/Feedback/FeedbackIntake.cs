using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Serving.Feedback;

/// <summary>
/// Where every label enters (CLI, REST, the watched source): classifies each against the logged predictions and
/// the labels stored before it, appends all of them to the event log, and returns the counts. Two intakes running
/// at the same moment for the same key may both see no earlier label; the report, which reclassifies the whole
/// log in order, is exact.
/// </summary>
public static class FeedbackIntake
{
    /// <summary>Classifies and stores labels for <paramref name="model"/>; with <paramref name="file"/>, nothing is stored when that file's content was ingested before (null is returned).</summary>
    public static async Task<FeedbackCounts?> IngestAsync(IFeedbackStore store, IPredictionLog log, string model, IReadOnlyList<FeedbackRecord> labels,
        FeedbackRules rules, DateTimeOffset receivedAt, string source, FeedbackFile? file = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(labels);
        var keys = labels.Select(l => l.Key).Distinct(StringComparer.Ordinal).ToList();
        var predictions = Latest(await log.FindByKeysAsync(model, keys, ct));
        // The labels stored before, replayed to know each key's latest joinable label.
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = (await store.ReadEventsAsync(0, keys, ct)).Select(e => new FeedbackRecord(e.Key, e.Label, e.EventTime));
        FeedbackClassifier.Count(before, predictions, previous, rules);
        var counts = FeedbackClassifier.Count(labels, predictions, previous, rules);
        return await store.AppendAsync(labels, receivedAt, source, file, ct) ? counts : null;
    }

    /// <summary>The latest logged prediction of each key (the one feedback joins to).</summary>
    public static Dictionary<string, PredictionRecord> Latest(IEnumerable<PredictionRecord> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var latest = new Dictionary<string, PredictionRecord>(StringComparer.Ordinal);
        foreach (var p in predictions) latest[p.Key] = p; // oldest first: the last one wins
        return latest;
    }
}
