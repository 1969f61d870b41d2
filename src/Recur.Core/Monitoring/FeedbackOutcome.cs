namespace Recur.Core.Monitoring;

/// <summary>What happened to one incoming label; every label gets exactly one.</summary>
public enum FeedbackOutcome
{
    /// <summary>The first label of a logged prediction: joined.</summary>
    Matched,

    /// <summary>The same label for the same key again: stored as an event, not counted twice.</summary>
    Duplicate,

    /// <summary>A different label for a key that had one: both events are kept, the join uses the latest.</summary>
    Conflicting,

    /// <summary>No logged prediction has the key (yet): kept as pending, joined if the prediction arrives later.</summary>
    UnknownKey,

    /// <summary>The prediction is older than <see cref="FeedbackRules.ExpireAfter"/> at the label's time: not joined.</summary>
    Expired,
}

/// <summary>The verdict on one label: its outcome, and whether it was late or skewed (matched and conflicting labels only).</summary>
/// <param name="Outcome">What happened to it.</param>
/// <param name="Late">Whether it came <see cref="FeedbackRules.LateAfter"/> or more after its prediction.</param>
/// <param name="Skew">How much earlier than its prediction it claims to be, when more than the tolerance; null otherwise.</param>
public sealed record FeedbackVerdict(FeedbackOutcome Outcome, bool Late = false, TimeSpan? Skew = null);
