namespace Recur.Core.Monitoring;

/// <summary>
/// One immutable step of the automatic loop's audit trail: when, which tick, what step, what happened, why, and the
/// numbers behind it.
/// </summary>
/// <param name="Id">The record's sequence number in the store (ascending in time).</param>
/// <param name="Model">The model name.</param>
/// <param name="Tick">The id of the <c>tick_started</c> record of the tick this step belongs to.</param>
/// <param name="At">When (the project's clock).</param>
/// <param name="Step">The step: one of <see cref="LoopSteps"/>.</param>
/// <param name="What">What happened, in a few words.</param>
/// <param name="Why">Why, with the evidence in words.</param>
/// <param name="Numbers">The numbers behind it (drift share, metric and interval ends, row counts, …).</param>
/// <param name="Version">The model version the step is about (the candidate of a retrain or canary), or null.</param>
public sealed record LoopRecord(
    long Id,
    string Model,
    long Tick,
    DateTimeOffset At,
    string Step,
    string What,
    string Why,
    IReadOnlyDictionary<string, double> Numbers,
    int? Version = null);

/// <summary>A step to append to the audit trail (the store gives it its id and time).</summary>
/// <param name="Model">The model name.</param>
/// <param name="Tick">The tick's id; 0 for a <c>tick_started</c> record, which becomes its own tick.</param>
/// <param name="Step">The step (see <see cref="LoopSteps"/>).</param>
/// <param name="What">What happened.</param>
/// <param name="Why">Why.</param>
/// <param name="Numbers">The numbers behind it.</param>
/// <param name="Version">The version the step is about, or null.</param>
public sealed record NewLoopRecord(string Model, long Tick, string Step, string What, string Why, IReadOnlyDictionary<string, double> Numbers, int? Version = null);

/// <summary>The loop's audit trail: append-only records, read back newest last.</summary>
public interface ILoopStore
{
    /// <summary>Appends a record at the store's clock; a <c>tick_started</c> record with tick 0 gets its own id as tick.</summary>
    Task<LoopRecord> AppendAsync(NewLoopRecord record, CancellationToken ct = default);

    /// <summary>A model's records, oldest first; at most the newest <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LoopRecord>> HistoryAsync(string model, int limit = int.MaxValue, CancellationToken ct = default);
}

/// <summary>The steps of <see cref="LoopRecord"/>.</summary>
public static class LoopSteps
{
    /// <summary>A tick began.</summary>
    public const string TickStarted = "tick_started";

    /// <summary>New feedback was polled from a source.</summary>
    public const string Polled = "polled";

    /// <summary>One trigger was evaluated (fired or not), with its numbers.</summary>
    public const string Trigger = "trigger";

    /// <summary>The policy's decision: retrain or not.</summary>
    public const string Decision = "decision";

    /// <summary>A retrain was handed to <c>recur worker</c> as a job (<c>loop.retrain_in: worker</c>); its number is <c>job</c>.</summary>
    public const string RetrainQueued = "retrain_queued";

    /// <summary>A retrain job failed in the worker; the error is the record's reason.</summary>
    public const string RetrainFailed = "retrain_failed";

    /// <summary>A retrain was wanted but the rate limit held it back.</summary>
    public const string Throttled = "throttled";

    /// <summary>A candidate was retrained and gated against the champion and the baseline.</summary>
    public const string Retrained = "retrained";

    /// <summary>The retrain adapted to covariate shift: importance weights, and the weighted retrain against the plain one.</summary>
    public const string ShiftWeighted = "shift_weighted";

    /// <summary>A canary started.</summary>
    public const string CanaryStarted = "canary_started";

    /// <summary>A running canary was looked at and goes on.</summary>
    public const string CanaryRunning = "canary_running";

    /// <summary>A canary's deadline was extended for want of labelled rows.</summary>
    public const string CanaryExtended = "canary_extended";

    /// <summary>The candidate's live metrics were compared with the champion's on the canary's period.</summary>
    public const string Compared = "compared";

    /// <summary>The candidate became the champion.</summary>
    public const string Promoted = "promoted";

    /// <summary>The candidate was removed; the champion stays.</summary>
    public const string RolledBack = "rolled_back";

    /// <summary>An alert was raised (log line and webhooks).</summary>
    public const string Alert = "alert";

    /// <summary>The tick failed; the error is the record's reason.</summary>
    public const string Failed = "failed";

    /// <summary>The tick ended.</summary>
    public const string TickFinished = "tick_finished";
}
