using System.Text.Json.Serialization;

namespace Recur.Core.Monitoring;

/// <summary>
/// How incoming labels were classified: every label is in exactly one of <see cref="Matched"/>, <see cref="Duplicate"/>,
/// <see cref="Conflicting"/>, <see cref="UnknownKey"/> and <see cref="Expired"/>; <see cref="Late"/> and
/// <see cref="ClockSkew"/> count the matched and conflicting labels that were late or skewed.
/// </summary>
public sealed class FeedbackCounts
{
    /// <summary>Labels classified (refused rows are not among them).</summary>
    public int Received { get; set; }

    /// <summary>First labels of logged predictions.</summary>
    public int Matched { get; set; }

    /// <summary>The same label for the same key again.</summary>
    public int Duplicate { get; set; }

    /// <summary>A different label for a key that had one; the latest is used.</summary>
    public int Conflicting { get; set; }

    /// <summary>Labels whose key has no logged prediction (pending).</summary>
    public int UnknownKey { get; set; }

    /// <summary>Labels arriving <c>late_after</c> or more after their prediction (used).</summary>
    public int Late { get; set; }

    /// <summary>Labels for predictions older than <c>expire_after</c> (not joined).</summary>
    public int Expired { get; set; }

    /// <summary>Labels earlier than their prediction by more than <c>skew_tolerance</c> (used, time clamped).</summary>
    public int ClockSkew { get; set; }

    /// <summary>The largest clock skew seen, in seconds; 0 when none.</summary>
    public double MaxClockSkewSeconds { get; set; }

    /// <summary>Counts one verdict.</summary>
    public void Add(FeedbackVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Received++;
        switch (verdict.Outcome)
        {
            case FeedbackOutcome.Matched: Matched++; break;
            case FeedbackOutcome.Duplicate: Duplicate++; break;
            case FeedbackOutcome.Conflicting: Conflicting++; break;
            case FeedbackOutcome.UnknownKey: UnknownKey++; break;
            default: Expired++; break;
        }
        if (verdict.Late) Late++;
        if (verdict.Skew is { } skew)
        {
            ClockSkew++;
            MaxClockSkewSeconds = Math.Max(MaxClockSkewSeconds, skew.TotalSeconds);
        }
    }

    /// <summary>Adds another set of counts to this one.</summary>
    public void Add(FeedbackCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Received += other.Received;
        Matched += other.Matched;
        Duplicate += other.Duplicate;
        Conflicting += other.Conflicting;
        UnknownKey += other.UnknownKey;
        Late += other.Late;
        Expired += other.Expired;
        ClockSkew += other.ClockSkew;
        MaxClockSkewSeconds = Math.Max(MaxClockSkewSeconds, other.MaxClockSkewSeconds);
    }

    /// <summary>One line for people: "12 received: 9 matched, 1 duplicate, …".</summary>
    [JsonIgnore]
    public string Summary =>
        $"{Received} received: {Matched} matched, {Duplicate} duplicate, {Conflicting} conflicting, {UnknownKey} unknown key, {Expired} expired; " +
        $"{Late} late, {ClockSkew} clock skew" + (ClockSkew > 0 ? $" (largest {MaxClockSkewSeconds:0.#} s)" : "");
}
