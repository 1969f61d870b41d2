using Recur.Core.Security;

namespace Recur.Server.Security.Internal;

/// <summary>A key as the server checks it: its hash as bytes, for a constant-time comparison.</summary>
internal sealed class CachedKey(ApiKeyRecord record)
{
    public long Id { get; } = record.Id;

    public string Name { get; } = record.Name;

    public string Prefix { get; } = record.Prefix;

    public byte[] Hash { get; } = Convert.FromHexString(record.Hash);

    public ApiScopes Scopes { get; } = record.Scopes;

    public bool Active { get; } = record.Active;
}
