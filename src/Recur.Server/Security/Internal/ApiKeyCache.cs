using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Security;

namespace Recur.Server.Security.Internal;

/// <summary>
/// Every stored key, read from the store at most <see cref="RefreshEvery"/> ago, by prefix: a request is checked
/// against memory (no database query), and a key revoked by any process stops working on every replica within
/// a refresh. When the store does not answer (a database restarting), the last keys read stay in force and the
/// failure is logged once: serving goes on with the keys known a moment ago rather than refusing everyone.
/// </summary>
internal sealed class ApiKeyCache(IApiKeyStore store, TimeProvider time, ILogger<ApiKeyCache> log)
{
    private volatile Snapshot _keys = Snapshot.Of([]);
    private readonly ConcurrentDictionary<long, long> _used = new();
    private readonly Dictionary<long, long> _reported = [];
    private bool _failing;

    private sealed record Snapshot(FrozenDictionary<string, CachedKey>.AlternateLookup<ReadOnlySpan<char>> ByPrefix, bool Any)
    {
        public static Snapshot Of(IReadOnlyList<ApiKeyRecord> keys) =>
            new(keys.ToFrozenDictionary(k => k.Prefix, k => new CachedKey(k), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(), keys.Count > 0);
    }

    /// <summary>How often the keys are read again: a revocation takes effect within this (plus one query).</summary>
    public TimeSpan RefreshEvery { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether any key was ever created (revoked ones count: revoking every key does not open the server).</summary>
    public bool AnyKey => _keys.Any;

    /// <summary>Reads the keys again now.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            var keys = await store.ListAsync(ct);
            _keys = Snapshot.Of(keys);
            if (_failing) log.KeysReadAgain(keys.Count);
            _failing = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (!_failing) log.KeysUnreadable(e.Message);
            _failing = true;
        }
    }

    /// <summary>The cached key with this prefix, or null (no allocation: the prefix is a slice of the header).</summary>
    public CachedKey? Find(ReadOnlySpan<char> prefix) =>
        _keys.ByPrefix.TryGetValue(prefix, out var key) ? key : null;

    /// <summary>Notes that a key was accepted now; reported to the store by <see cref="ReportUseAsync"/>.</summary>
    public void Used(CachedKey key) => _used[key.Id] = time.GetUtcNow().UtcTicks;

    /// <summary>
    /// Writes the keys accepted since the last report to the store (their last-used times): always when
    /// <paramref name="due"/>, else only when a key is used for the first time since the server started.
    /// </summary>
    public async Task ReportUseAsync(bool due, CancellationToken ct)
    {
        var changed = _used.Where(p => !_reported.TryGetValue(p.Key, out var at) || at != p.Value).ToDictionary(p => p.Key, p => p.Value);
        if (changed.Count == 0 || (!due && changed.Keys.All(_reported.ContainsKey))) return;
        try
        {
            await store.MarkUsedAsync(changed.ToDictionary(p => p.Key, p => new DateTimeOffset(p.Value, TimeSpan.Zero)), ct);
            foreach (var (id, at) in changed) _reported[id] = at;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.KeysUnreadable(e.Message);
        }
    }
}
