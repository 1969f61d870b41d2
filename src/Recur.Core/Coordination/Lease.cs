namespace Recur.Core.Coordination;

/// <summary>A lease as stored.</summary>
/// <param name="Name">The lease's name, e.g. <c>loop:adult</c>.</param>
/// <param name="Holder">Who took it last (host, process id and a per-process suffix).</param>
/// <param name="ExpiresAt">When it runs out, on the store's clock.</param>
/// <param name="Now">The store's clock when it was read: the lease is live while <paramref name="Now"/> is before <paramref name="ExpiresAt"/>.</param>
public sealed record Lease(string Name, string Holder, DateTimeOffset ExpiresAt, DateTimeOffset Now)
{
    /// <summary>Whether the lease was still running when read.</summary>
    public bool Live => Now < ExpiresAt;
}
