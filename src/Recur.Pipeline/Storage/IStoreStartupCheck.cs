namespace Recur.Pipeline.Storage;

/// <summary>
/// What a host runs before it serves: a backend that can be unreachable or at another schema version registers one,
/// so a server fails its start with one line naming the store instead of answering 503s. Hosts never name a backend.
/// </summary>
public interface IStoreStartupCheck
{
    /// <summary>
    /// Completes when the store answers and its schema is one this build knows; throws a <see cref="Core.RecurException"/>
    /// otherwise, with <see cref="Core.RecurException.RetryAfterSeconds"/> set when trying again may succeed (the store
    /// did not answer) and unset when it cannot (a newer schema).
    /// </summary>
    Task EnsureReadyAsync(CancellationToken ct = default);
}
