using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SqliteDatabase _db;

    public SqliteStoreTests() => _db = new SqliteDatabase(_dir.Path("recur.db"));

    public void Dispose() => _dir.Dispose();

    private static NewModelVersion Version(string model = "m") => new(model, new string('a', 64),
        new ModelLineage(["s1"], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string> { ["leaves"] = "31" }),
        new Dictionary<string, double> { ["auc"] = 0.9 }, "passed");

    [Fact]
    public async Task RegisterAsync_TwoVersions_NumbersThemAndMovesTheAlias()
    {
        var registry = new SqliteRegistryStore(_db, TimeProvider.System);

        var v1 = await registry.RegisterAsync(Version(), "champion");
        var v2 = await registry.RegisterAsync(Version(), "champion");

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(2, (await registry.ResolveAliasAsync("m", "champion"))!.Version);
        Assert.Empty((await registry.FindAsync("m", 1))!.Aliases);
        Assert.Equal(0.9, v2.Metrics["auc"]);
        Assert.Equal("31", v2.Lineage.Parameters["leaves"]);
    }

    [Fact]
    public async Task SetAliasAsync_UnknownVersion_IsNotFoundAndChangesNothing()
    {
        var registry = new SqliteRegistryStore(_db, TimeProvider.System);
        await registry.RegisterAsync(Version(), "champion");

        var e = await Assert.ThrowsAsync<RecurException>(() => registry.SetAliasAsync("m", "champion", 7));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Equal(1, (await registry.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task JoinAsync_FeedbackForSomeKeys_JoinsTheLatestPredictionOfEach()
    {
        var log = new SqlitePredictionLog(_db);
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await log.AppendAsync([
            new PredictionRecord("k1", "m", 1, t0, "{}", "yes", 0.9),
            new PredictionRecord("k2", "m", 1, t0, "{}", "no", 0.1),
            new PredictionRecord("k1", "m", 2, t0.AddSeconds(1), "{}", "no", 0.4),
        ]);
        await log.AddAsync([new FeedbackRecord("k1", "yes", t0), new FeedbackRecord("zz", "no", t0)]);

        var joined = await log.JoinAsync("m");

        var only = Assert.Single(joined);
        Assert.Equal(("k1", 2, "yes"), (only.Prediction.Key, only.Prediction.Version, only.TrueLabel));
    }

    [Fact]
    public async Task AddAsync_LaterLabelForAKey_ReplacesTheEarlierOne()
    {
        var log = new SqlitePredictionLog(_db);
        var t0 = DateTimeOffset.UnixEpoch;
        await log.AppendAsync([new PredictionRecord("k", "m", 1, t0, "{\"a\":1}", "no", 0.2)]);
        await log.AddAsync([new FeedbackRecord("k", "no", t0)]);
        await log.AddAsync([new FeedbackRecord("k", "yes", t0)]);

        Assert.Equal("yes", Assert.Single(await log.JoinAsync("m")).TrueLabel);
        Assert.Equal("{\"a\":1}", Assert.Single(await log.FindByKeysAsync("m", ["k"])).InputsJson);
    }

    [Fact]
    public async Task ReadAsync_Since_ReturnsOnlyLaterPredictions()
    {
        var log = new SqlitePredictionLog(_db);
        var t0 = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        await log.AppendAsync([new PredictionRecord("a", "m", 1, t0, "{}", "x", 0), new PredictionRecord("b", "m", 1, t0.AddMinutes(5), "{}", "x", 0)]);

        var later = await log.ReadAsync("m", t0.AddMinutes(1));

        Assert.Equal("b", Assert.Single(later).Key);
    }
}

public sealed class SqliteRegistryConditionalTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SqliteRegistryStore _registry;

    public SqliteRegistryConditionalTests() => _registry = new SqliteRegistryStore(new SqliteDatabase(_dir.Path("recur.db")), TimeProvider.System);

    public void Dispose() => _dir.Dispose();

    private static NewModelVersion Version() => new("m", new string('a', 64),
        new ModelLineage(["s1"], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string>()), new Dictionary<string, double>(), "");

    [Fact]
    public async Task RegisterIfAliasAsync_AliasMovedMeanwhile_RegistersNothing()
    {
        await _registry.RegisterAsync(Version(), "champion");

        var stale = await _registry.RegisterIfAliasAsync(Version(), "champion", expected: null);
        var fresh = await _registry.RegisterIfAliasAsync(Version(), "champion", expected: 1);

        Assert.Null(stale);
        Assert.Equal(2, fresh!.Version);
        Assert.Equal(2, (await _registry.ListAsync("m")).Count);
        Assert.Equal(2, (await _registry.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task MoveAliasIfAsync_OnlyFromTheExpectedVersion()
    {
        await _registry.RegisterAsync(Version(), "champion");
        await _registry.RegisterAsync(Version(), null);

        Assert.False(await _registry.MoveAliasIfAsync("m", "champion", 2, expected: null));
        Assert.True(await _registry.MoveAliasIfAsync("m", "champion", 2, expected: 1));
        Assert.Equal(2, (await _registry.ResolveAliasAsync("m", "champion"))!.Version);
    }
}
