namespace Recur.Core.Security;

/// <summary>
/// A stored API key: never the key itself, only its SHA-256 (<see cref="Hash"/>) and the short prefix shown
/// in listings and logs so people can tell keys apart.
/// </summary>
/// <param name="Id">The store's number for the key (1, 2, ...).</param>
/// <param name="Name">A unique name among the keys not revoked (e.g. <c>ci</c>, <c>checkout-service</c>).</param>
/// <param name="Prefix">The key's visible prefix (8 lower-case hex digits): <c>recur_PREFIX_...</c>.</param>
/// <param name="Hash">SHA-256 of the whole key text, lower-case hex.</param>
/// <param name="Scopes">What the key may do.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Revoked">When it was revoked; null while it is valid.</param>
/// <param name="LastUsed">When a server last accepted it (recorded every few seconds, not per request); null if never.</param>
public sealed record ApiKeyRecord(long Id, string Name, string Prefix, string Hash, ApiScopes Scopes, DateTimeOffset Created, DateTimeOffset? Revoked, DateTimeOffset? LastUsed)
{
    /// <summary>Whether the key is still accepted.</summary>
    public bool Active => Revoked is null;
}
