using Recur.Core.Serving;

namespace Recur.Core.Monitoring;

/// <summary>
/// Classifies labels against the logged predictions and the labels before them (see <see cref="FeedbackOutcome"/>).
/// Pure: the same labels, predictions and rules always give the same verdicts, at ingestion and in a replay.
/// </summary>
public static class FeedbackClassifier
{
    /// <summary>
    /// The verdict on a label, given the latest prediction of its key (null when none is logged) and the latest label
    /// stored for the key before it (null when none).
    /// </summary>
    public static FeedbackVerdict Classify(FeedbackRecord label, PredictionRecord? prediction, string? previousLabel, FeedbackRules rules)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(rules);
        if (prediction is null) return new(FeedbackOutcome.UnknownKey);
        if (!rules.Joins(prediction.Timestamp, label.Timestamp)) return new(FeedbackOutcome.Expired);
        if (previousLabel is not null && string.Equals(previousLabel, label.Label, StringComparison.Ordinal)) return new(FeedbackOutcome.Duplicate);
        var delay = label.Timestamp - prediction.Timestamp;
        var skew = -delay > rules.SkewTolerance ? -delay : (TimeSpan?)null;
        return new(previousLabel is null ? FeedbackOutcome.Matched : FeedbackOutcome.Conflicting, delay >= rules.LateAfter, skew);
    }

    /// <summary>
    /// Classifies labels in order and counts them: each label is judged against the labels of its key before it
    /// (in <paramref name="previous"/> and earlier in the list, expired ones left out). <paramref name="predictions"/> maps
    /// a key to its latest logged prediction.
    /// </summary>
    public static FeedbackCounts Count(IEnumerable<FeedbackRecord> labels, IReadOnlyDictionary<string, PredictionRecord> predictions,
        IDictionary<string, string> previous, FeedbackRules rules)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(previous);
        var counts = new FeedbackCounts();
        foreach (var label in labels)
        {
            var verdict = Classify(label, predictions.GetValueOrDefault(label.Key), previous.TryGetValue(label.Key, out var before) ? before : null, rules);
            counts.Add(verdict);
            // An expired label was never joined, so the next label of its key is not its duplicate.
            if (verdict.Outcome != FeedbackOutcome.Expired) previous[label.Key] = label.Label;
        }
        return counts;
    }
}
