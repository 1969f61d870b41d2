namespace Recur.Core.Security;

/// <summary>What a store records for a new key: its name, prefix, hash and scopes, never the key.</summary>
/// <param name="Name">The key's name, unique among the keys not revoked.</param>
/// <param name="Prefix">The key's visible prefix.</param>
/// <param name="Hash">SHA-256 of the key text, lower-case hex.</param>
/// <param name="Scopes">What the key may do.</param>
/// <param name="Created">When it was created.</param>
public sealed record NewApiKey(string Name, string Prefix, string Hash, ApiScopes Scopes, DateTimeOffset Created);
