using Recur.Core;
using Recur.Core.Security;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IApiKeyStore"/> must do; a backend's test class supplies stores on a real backend.</summary>
public abstract class ApiKeyStoreCompliance
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty store.</summary>
    protected abstract IApiKeyStore NewStore();

    private static NewApiKey Key(string name, ApiScopes scopes = ApiScopes.Predict)
    {
        var (_, prefix, hash) = ApiKeyText.Generate();
        return new NewApiKey(name, prefix, hash, scopes, T0);
    }

    [Fact]
    public async Task CreateAsync_NewKey_IsListedWithItsHashPrefixAndScopes()
    {
        var store = NewStore();
        var key = Key("ci", ApiScopes.Predict | ApiScopes.Feedback);

        var created = await store.CreateAsync(key);
        var listed = Assert.Single(await store.ListAsync());

        Assert.Equal(created, listed);
        Assert.Equal(("ci", key.Prefix, key.Hash, ApiScopes.Predict | ApiScopes.Feedback, T0), (listed.Name, listed.Prefix, listed.Hash, listed.Scopes, listed.Created));
        Assert.True(listed.Active);
        Assert.Null(listed.LastUsed);
    }

    [Fact]
    public async Task FindByHashAsync_KnownAndUnknownHashes_FindsOnlyTheKnown()
    {
        var store = NewStore();
        var key = Key("a");
        await store.CreateAsync(key);
        await store.CreateAsync(Key("b"));

        Assert.Equal("a", (await store.FindByHashAsync(key.Hash))?.Name);
        Assert.Null(await store.FindByHashAsync(new string('0', 64)));
    }

    [Fact]
    public async Task CreateAsync_NameOfAnActiveKey_IsConflictNamingIt()
    {
        var store = NewStore();
        await store.CreateAsync(Key("ci"));

        var e = await Assert.ThrowsAsync<RecurException>(() => store.CreateAsync(Key("ci")));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Contains("'ci'", e.Message);
        Assert.Single(await store.ListAsync());
    }

    [Fact]
    public async Task CreateAsync_NameOfARevokedKey_IsAllowed()
    {
        var store = NewStore();
        var old = await store.CreateAsync(Key("ci"));
        await store.RevokeAsync(old.Prefix, T0.AddHours(1));

        var again = await store.CreateAsync(Key("ci", ApiScopes.Admin));

        Assert.NotEqual(old.Id, again.Id);
        Assert.Equal([false, true], (await store.ListAsync()).Select(k => k.Active));
    }

    [Fact]
    public async Task RevokeAsync_ByPrefixOrId_RecordsTheFirstRevocationOnly()
    {
        var store = NewStore();
        var a = await store.CreateAsync(Key("a"));
        var b = await store.CreateAsync(Key("b"));

        var byPrefix = await store.RevokeAsync(a.Prefix, T0.AddHours(1));
        var byId = await store.RevokeAsync(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), T0.AddHours(2));
        var twice = await store.RevokeAsync(a.Prefix, T0.AddHours(3));

        Assert.Equal(("a", T0.AddHours(1)), (byPrefix.Name, byPrefix.Revoked));
        Assert.Equal(("b", T0.AddHours(2)), (byId.Name, byId.Revoked));
        Assert.Equal(T0.AddHours(1), twice.Revoked);
        Assert.All(await store.ListAsync(), k => Assert.False(k.Active));
        Assert.False((await store.FindByHashAsync(a.Hash))!.Active);
    }

    [Fact]
    public async Task RevokeAsync_UnknownKey_IsNotFoundNamingIt()
    {
        var store = NewStore();
        await store.CreateAsync(Key("a"));

        var e = await Assert.ThrowsAsync<RecurException>(() => store.RevokeAsync("deadbeef", T0));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Contains("'deadbeef'", e.Message);
    }

    [Fact]
    public async Task MarkUsedAsync_SeveralReports_KeepsTheLatest()
    {
        var store = NewStore();
        var a = await store.CreateAsync(Key("a"));
        var b = await store.CreateAsync(Key("b"));

        await store.MarkUsedAsync(new Dictionary<long, DateTimeOffset> { [a.Id] = T0.AddMinutes(5), [b.Id] = T0.AddMinutes(1) });
        await store.MarkUsedAsync(new Dictionary<long, DateTimeOffset> { [a.Id] = T0.AddMinutes(2) });
        await store.MarkUsedAsync(new Dictionary<long, DateTimeOffset>());

        var keys = await store.ListAsync();
        Assert.Equal([T0.AddMinutes(5), T0.AddMinutes(1)], keys.Select(k => k.LastUsed));
    }
}
