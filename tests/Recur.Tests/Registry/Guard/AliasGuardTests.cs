using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Registry.Guard;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Registry.Guard;

/// <summary>
/// The alias guard on every path that moves an alias: only a pipeline version trained on a catalogued snapshot takes one;
/// an experiment's version or one whose snapshot is not in the catalogue is refused with a Conflict naming it and why.
/// </summary>
public sealed class AliasGuardTests : IDisposable
{
    private const string Catalogued = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Missing = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private readonly TempDir _dir = new();
    private readonly SqliteRegistryStore _inner;
    private readonly AliasGuard _guard;

    public AliasGuardTests()
    {
        var db = new SqliteDatabase(_dir.Path("recur.db"));
        var catalog = new SqliteSnapshotCatalog(db);
        catalog.AddAsync(new SnapshotInfo(Catalogued, "train", 3, 0, "data.csv", DateTimeOffset.UnixEpoch, [new ColumnSpec("x", ColumnType.Real)], []), []).GetAwaiter().GetResult();
        _inner = new SqliteRegistryStore(db, TimeProvider.System);
        _guard = new AliasGuard(_inner, _inner, catalog);
    }

    public void Dispose() => _dir.Dispose();

    private static NewModelVersion Version(char sha, string origin = ModelOrigins.Pipeline, string snapshot = Catalogued) =>
        new("m", new string(sha, 64), new ModelLineage([snapshot], "c", "v", 42, "lightgbm",
            origin == ModelOrigins.Experiment ? new Dictionary<string, string> { ["experiment"] = "what-matters" } : new Dictionary<string, string>(), Origin: origin),
            new Dictionary<string, double> { ["auc"] = 0.9 }, "");

    private static readonly RegistryChange Change = new("tester", "because");

    [Fact]
    public async Task RegisterAsync_PipelineVersionOnCataloguedSnapshot_TakesTheAlias()
    {
        var v = await _guard.RegisterAsync(Version('a'), "champion");

        Assert.Equal(v.Version, (await _guard.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task RegisterAsync_ExperimentVersionWithAlias_IsRefusedAndNothingRegistered()
    {
        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.RegisterAsync(Version('a', ModelOrigins.Experiment), "champion"));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Contains("cannot take alias 'champion'", e.Message);
        Assert.Contains("experiment 'what-matters'", e.Message);
        Assert.Empty(await _guard.ListAsync("m"));
    }

    [Fact]
    public async Task RegisterAsync_ExperimentVersionWithoutAlias_IsRegisteredForInspection()
    {
        var v = await _guard.RegisterAsync(Version('a', ModelOrigins.Experiment), null);

        Assert.Equal(ModelOrigins.Experiment, (await _guard.FindAsync("m", v.Version))!.Lineage.Origin);
    }

    [Fact]
    public async Task RegisterAsync_SnapshotNotInCatalogue_IsRefused()
    {
        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.RegisterAsync(Version('a', snapshot: Missing), "challenger"));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Contains($"snapshot {Missing}, which is not in the catalogue", e.Message);
    }

    [Fact]
    public async Task RegisterIfAliasAsync_ExperimentVersion_IsRefused()
    {
        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.RegisterIfAliasAsync(Version('a', ModelOrigins.Experiment), "champion", null));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Empty(await _guard.ListAsync("m"));
    }

    [Fact]
    public async Task SetAliasAsync_ExperimentVersion_IsRefusedNamingTheVersion()
    {
        var champion = await _guard.RegisterAsync(Version('a'), "champion");
        var experiment = await _guard.RegisterAsync(Version('b', ModelOrigins.Experiment), null);

        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.SetAliasAsync("m", "champion", experiment.Version));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.StartsWith($"version {experiment.Version} of model 'm' cannot take alias 'champion'", e.Message);
        Assert.Equal(champion.Version, (await _guard.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task MoveAliasIfAsync_ExperimentVersion_IsRefused()
    {
        var champion = await _guard.RegisterAsync(Version('a'), "champion");
        var experiment = await _guard.RegisterAsync(Version('b', ModelOrigins.Experiment), null);

        await Assert.ThrowsAsync<RecurException>(() => _guard.MoveAliasIfAsync("m", "champion", experiment.Version, champion.Version));

        Assert.Equal(champion.Version, (await _guard.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task MoveAliasAsync_ExperimentVersion_IsRefusedAndNoEventRecorded()
    {
        await _guard.RegisterAsync(Version('a'), "champion");
        var experiment = await _guard.RegisterAsync(Version('b', ModelOrigins.Experiment), null);
        var before = (await _guard.EventsAsync("m")).Count;

        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.MoveAliasAsync("m", "champion", experiment.Version, RegistryEventKinds.Promoted, Change));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Equal(before, (await _guard.EventsAsync("m")).Count);
    }

    [Fact]
    public async Task MoveAliasAsync_PipelineVersion_Moves()
    {
        await _guard.RegisterAsync(Version('a'), "champion");
        var second = await _guard.RegisterAsync(Version('b'), null);

        var moved = await _guard.MoveAliasAsync("m", "champion", second.Version, RegistryEventKinds.Promoted, Change);

        Assert.Equal(second.Version, moved.Version);
    }

    [Fact]
    public async Task MoveAliasAsync_UnknownVersion_IsTheStoresNotFound()
    {
        await _guard.RegisterAsync(Version('a'), "champion");

        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.MoveAliasAsync("m", "champion", 9, RegistryEventKinds.Promoted, Change));

        Assert.Equal(FailureKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task RollbackAsync_ToAnExperimentVersion_IsRefused()
    {
        // An experiment version that once held the alias (moved behind the guard's back, as an old registry might have).
        var experiment = await _inner.RegisterAsync(Version('a', ModelOrigins.Experiment), "champion");
        var pipeline = await _guard.RegisterAsync(Version('b'), null);
        await _guard.MoveAliasAsync("m", "champion", pipeline.Version, RegistryEventKinds.Promoted, Change);

        var e = await Assert.ThrowsAsync<RecurException>(() => _guard.RollbackAsync("m", "champion", Change));

        Assert.Equal(FailureKind.Conflict, e.Kind);
        Assert.Contains($"version {experiment.Version} of model 'm'", e.Message);
        Assert.Equal(pipeline.Version, (await _guard.ResolveAliasAsync("m", "champion"))!.Version);
    }

    [Fact]
    public async Task RollbackAsync_ToAPipelineVersion_RollsBack()
    {
        var first = await _guard.RegisterAsync(Version('a'), "champion");
        var second = await _guard.RegisterAsync(Version('b'), null);
        await _guard.MoveAliasAsync("m", "champion", second.Version, RegistryEventKinds.Promoted, Change);

        var back = await _guard.RollbackAsync("m", "champion", Change);

        Assert.Equal(first.Version, back.Version);
    }

    [Fact]
    public void RollbackTarget_HistoryWithRollbacks_IsTheTargetBelowTheTop()
    {
        static RegistryEvent E(string kind, int version) => new(0, "m", kind, DateTimeOffset.UnixEpoch, "a", "", version, "champion", null, null, null, new Dictionary<string, double>());
        // Oldest first: 1, 2, 3, rolled back to 2; newest first as the store returns them.
        IReadOnlyList<RegistryEvent> history = [E(RegistryEventKinds.RolledBack, 2), E(RegistryEventKinds.Promoted, 3), E(RegistryEventKinds.Promoted, 2), E(RegistryEventKinds.Registered, 1)];

        Assert.Equal(1, AliasGuard.RollbackTarget(history));
        Assert.Null(AliasGuard.RollbackTarget([E(RegistryEventKinds.Registered, 1)]));
    }

    [Fact]
    public async Task FindAsync_LineageStoredWithoutOrigin_ReadsAsPipeline()
    {
        var v = await _inner.RegisterAsync(Version('a'), null);
        var json = System.Text.Json.JsonSerializer.Serialize(v.Lineage).Replace(",\"Origin\":\"pipeline\"", "", StringComparison.Ordinal);

        var old = System.Text.Json.JsonSerializer.Deserialize<ModelLineage>(json)!;

        Assert.DoesNotContain("Origin", json, StringComparison.Ordinal);
        Assert.Equal(ModelOrigins.Pipeline, old.Origin);
    }
}
