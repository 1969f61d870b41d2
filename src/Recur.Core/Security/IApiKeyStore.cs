namespace Recur.Core.Security;

/// <summary>
/// Where API keys are kept, hashed: the server reads them (all at once, every second at most) to check
/// requests, and <c>recur keys</c> creates, lists and revokes them.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Records a new key; Conflict when a key not revoked has the same name or the prefix is taken.</summary>
    Task<ApiKeyRecord> CreateAsync(NewApiKey key, CancellationToken ct = default);

    /// <summary>Every key, revoked ones included, by id.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct = default);

    /// <summary>The key with this SHA-256 (lower-case hex), or null.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken ct = default);

    /// <summary>
    /// Revokes the key whose prefix or id is <paramref name="idOrPrefix"/>; NotFound when there is none.
    /// Revoking a revoked key changes nothing and returns it.
    /// </summary>
    Task<ApiKeyRecord> RevokeAsync(string idOrPrefix, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>Records when keys were last accepted (a server calls this every few seconds with the keys it saw).</summary>
    Task MarkUsedAsync(IReadOnlyDictionary<long, DateTimeOffset> lastUsed, CancellationToken ct = default);
}
