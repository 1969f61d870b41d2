namespace Recur.Core.Coordination;

/// <summary>A job to enqueue.</summary>
/// <param name="Kind">What to do, e.g. <c>retrain</c> (see <see cref="JobKinds"/>).</param>
/// <param name="Model">The model (project) it is for.</param>
/// <param name="PayloadJson">Its arguments as a JSON object.</param>
/// <param name="MaxAttempts">How many claims before a job whose workers keep dying is marked failed.</param>
public sealed record NewJob(string Kind, string Model, string PayloadJson, int MaxAttempts = 3);

/// <summary>A job as stored.</summary>
/// <param name="Id">Its id, ascending in enqueue order.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Model">The model it is for.</param>
/// <param name="PayloadJson">Its arguments (JSON).</param>
/// <param name="Status">One of <see cref="JobStatus"/>.</param>
/// <param name="Attempts">How many times it was claimed.</param>
/// <param name="MaxAttempts">The most claims.</param>
/// <param name="Worker">The worker that claimed it last, or null.</param>
/// <param name="EnqueuedAt">When it was queued.</param>
/// <param name="StartedAt">When it was last claimed, or null.</param>
/// <param name="LeaseUntil">When the claiming worker's lease runs out, or null.</param>
/// <param name="FinishedAt">When it ended (done or failed), or null.</param>
/// <param name="ResultJson">What a done job returned (JSON), or null.</param>
/// <param name="Error">Why a failed job failed, or null.</param>
public sealed record JobRecord(
    long Id, string Kind, string Model, string PayloadJson, string Status, int Attempts, int MaxAttempts, string? Worker,
    DateTimeOffset EnqueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? LeaseUntil, DateTimeOffset? FinishedAt, string? ResultJson, string? Error);

/// <summary>The statuses of a <see cref="JobRecord"/>.</summary>
public static class JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";

    /// <summary>Claimed by a worker whose lease runs until <see cref="JobRecord.LeaseUntil"/>.</summary>
    public const string Running = "running";

    /// <summary>Finished with a result.</summary>
    public const string Done = "done";

    /// <summary>Finished with an error, or its workers died <see cref="JobRecord.MaxAttempts"/> times.</summary>
    public const string Failed = "failed";
}

/// <summary>The kinds of job <c>recur worker</c> runs.</summary>
public static class JobKinds
{
    /// <summary>The loop's retrain: the same as <c>recur monitor --retrain</c>, with the loop's canary alias and options.</summary>
    public const string Retrain = "retrain";
}
