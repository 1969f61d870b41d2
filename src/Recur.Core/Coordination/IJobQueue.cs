namespace Recur.Core.Coordination;

/// <summary>
/// Work handed from the serving replicas to <c>recur worker</c> processes through the project's store. A worker claims
/// the oldest ready job under a lease and heartbeats while it works; a job whose worker died (its lease ran out) is
/// ready again and is claimed by the next worker, up to <see cref="NewJob.MaxAttempts"/> claims. Times are on the
/// store's clock (the database's on PostgreSQL), like <see cref="ILeaseStore"/>.
/// </summary>
public interface IJobQueue
{
    /// <summary>Adds a job, queued now.</summary>
    Task<JobRecord> EnqueueAsync(NewJob job, CancellationToken ct = default);

    /// <summary>
    /// Claims the oldest ready job (queued, or running with its lease run out) of <paramref name="model"/> and one of
    /// <paramref name="kinds"/> (any kind when empty) for <paramref name="worker"/> until <paramref name="lease"/> from now, counting an attempt; null when
    /// none is ready. Two workers never claim the same job. A job whose lease ran out after its last attempt is marked failed.
    /// </summary>
    Task<JobRecord?> ClaimAsync(string worker, string model, TimeSpan lease, IReadOnlyCollection<string> kinds, CancellationToken ct = default);

    /// <summary>Extends the lease of a job <paramref name="worker"/> holds; false when it no longer holds it (the lease ran out and another worker took it).</summary>
    Task<bool> HeartbeatAsync(long id, string worker, TimeSpan lease, CancellationToken ct = default);

    /// <summary>Marks a held job done with its result (JSON); false when <paramref name="worker"/> no longer holds it.</summary>
    Task<bool> CompleteAsync(long id, string worker, string resultJson, CancellationToken ct = default);

    /// <summary>Marks a held job failed with the error (final: a failing job is not retried); false when <paramref name="worker"/> no longer holds it.</summary>
    Task<bool> FailAsync(long id, string worker, string error, CancellationToken ct = default);

    /// <summary>One job, or null.</summary>
    Task<JobRecord?> FindAsync(long id, CancellationToken ct = default);

    /// <summary>Jobs newest first, of one model when <paramref name="model"/> is given; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JobRecord>> ListAsync(string? model = null, int limit = 100, CancellationToken ct = default);
}
