namespace Recur.Core.Coordination;

/// <summary>
/// Named leases in the project's store: at most one holder per name at any time, until the lease expires or is
/// released. Replicas use it so that a job only one of them should do (the loop) runs in exactly one. Expiry is
/// judged on the store's clock — the database's <c>now()</c> on PostgreSQL, so replicas with skewed clocks agree;
/// the process clock on SQLite, whose processes share one machine.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease when it is free, expired, or already held by <paramref name="holder"/> (then it is renewed), so
    /// that it expires <paramref name="ttl"/> from now; false when another holder's lease is still running.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken ct = default);

    /// <summary>Gives the lease up when <paramref name="holder"/> holds it (nothing otherwise); true when it did.</summary>
    Task<bool> ReleaseAsync(string name, string holder, CancellationToken ct = default);

    /// <summary>The lease's last holder and expiry (possibly in the past), or null when it was never taken or was released.</summary>
    Task<Lease?> ReadAsync(string name, CancellationToken ct = default);
}
