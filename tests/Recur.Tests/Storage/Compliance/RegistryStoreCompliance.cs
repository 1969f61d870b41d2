using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Tests.Storage.Compliance;

/// <summary>
/// What every <see cref="IRegistryStore"/> must do. A backend's test class inherits this and supplies a
/// fresh store on a real backend (a SQLite file today; PostgreSQL joins by adding a class and a fixture).
/// </summary>
public abstract class RegistryStoreCompliance
{
    /// <summary>A new, empty store.</summary>
    protected abstract IRegistryStore NewStore();

    /// <summary>Two stores on one new, empty backend, as two replicas (two processes) would open it.</summary>
    protected abstract (IRegistryStore A, IRegistryStore B) NewReplicas();

    private static NewModelVersion Version(string model = "m", char sha = 'a', double auc = 0.9) => new(model, new string(sha, 64),
        new ModelLineage(["s1"], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string> { ["leaves"] = "31" }),
        new Dictionary<string, double> { ["auc"] = auc }, "passed");

    [Fact]
    public async Task RegisterAsync_NumbersVersionsPerModelFromOne()
    {
        var store = NewStore();

        var a1 = await store.RegisterAsync(Version("a"), "champion");
        var b1 = await store.RegisterAsync(Version("b"), null);
        var a2 = await store.RegisterAsync(Version("a"), null);

        Assert.Equal([1, 1, 2], new[] { a1.Version, b1.Version, a2.Version });
        Assert.Equal(["champion"], a1.Aliases);
    }

    [Fact]
    public async Task FindAndList_ReturnWhatWasStoredWithAliases()
    {
        var store = NewStore();
        await store.RegisterAsync(Version(auc: 0.8), "champion");
        await store.RegisterAsync(Version(sha: 'b', auc: 0.85), "challenger");

        var found = await store.FindAsync("m", 2);
        var list = await store.ListAsync("m");

        Assert.Equal(0.85, found!.Metrics["auc"]);
        Assert.Equal(new string('b', 64), found.ArtifactSha256);
        Assert.Equal("31", found.Lineage.Parameters["leaves"]);
        Assert.Equal([1, 2], list.Select(v => v.Version));
        Assert.Equal(["challenger"], list[1].Aliases);
        Assert.Null(await store.FindAsync("m", 3));
        Assert.Null(await store.ResolveAliasAsync("m", "ghost"));
    }

    [Fact]
    public async Task SetAliasAsync_UnknownVersion_IsNotFoundAndKeepsTheAlias()
    {
        var store = NewStore();
        await store.RegisterAsync(Version(), "champion");

        var e = await Assert.ThrowsAsync<RecurException>(() => store.SetAliasAsync("m", "champion", 9));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Equal(1, (await store.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task RegisterIfAliasAsync_OnlyWhenTheAliasIsWhereTheCallerSawIt()
    {
        var store = NewStore();
        await store.RegisterAsync(Version(), "champion");

        Assert.Null(await store.RegisterIfAliasAsync(Version(), "champion", expected: null));
        Assert.Equal(2, (await store.RegisterIfAliasAsync(Version(), "champion", expected: 1))!.Version);
        Assert.Equal(2, (await store.ListAsync("m")).Count);
    }

    [Fact]
    public async Task MoveAliasIfAsync_ConcurrentMoversFromOnePlace_OnlyOneWins()
    {
        var store = NewStore();
        await store.RegisterAsync(Version(), "champion");
        for (var i = 0; i < 6; i++) await store.RegisterAsync(Version(), null);

        var moves = await Task.WhenAll(Enumerable.Range(2, 6).Select(v => Task.Run(() => store.MoveAliasIfAsync("m", "champion", v, expected: 1))));

        Assert.Single(moves, m => m);
    }

    [Fact]
    public async Task RegisterAsync_TwoReplicasAtOnce_AssignDistinctVersions()
    {
        var (a, b) = NewReplicas();

        var registered = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).RegisterAsync(Version(sha: (char)('a' + i)), null))));

        Assert.Equal(Enumerable.Range(1, 12), registered.Select(v => v.Version).Order());
        Assert.Equal(12, (await b.ListAsync("m")).Count);
    }

    [Fact]
    public async Task MoveAliasIfAsync_TwoReplicasFromOnePlace_OnlyOneWins()
    {
        var (a, b) = NewReplicas();
        await a.RegisterAsync(Version(), "champion");
        for (var i = 0; i < 6; i++) await b.RegisterAsync(Version(), null);

        var moves = await Task.WhenAll(Enumerable.Range(2, 6).Select(v => Task.Run(() => (v % 2 == 0 ? a : b).MoveAliasIfAsync("m", "champion", v, expected: 1))));

        Assert.Single(moves, m => m);
        Assert.Equal((await a.ResolveAliasAsync("m", "champion"))!.Version, (await b.ResolveAliasAsync("m", "champion"))!.Version);
    }
}
