using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Lake.Ingest;
using Recur.Registry.Artifacts;
using Recur.Server.Observability;
using Recur.Serving;
using Recur.Serving.Log;
using Recur.Serving.Routing;
using Recur.Storage.Sqlite;
using Recur.Training;

namespace Recur.Tests.Server.Observability;

/// <summary>Readiness: the routed versions loaded and the store answering within the timeout, else what is not ready.</summary>
public sealed class ReadinessCheckTests : IDisposable
{
    private readonly TempDir _dir = new();

    private readonly List<PredictionLogWriter> _logs = [];

    public void Dispose()
    {
        foreach (var log in _logs) log.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dir.Dispose();
    }

    /// <summary>The real SQLite registry, made to fail or hang on demand (the store going away under a running server).</summary>
    private sealed class SwitchableRegistry(IRegistryStore inner) : IRegistryStore
    {
        public Func<Task>? Fault { get; set; }

        private async Task<T> Call<T>(Func<Task<T>> call)
        {
            if (Fault is { } fault) await fault();
            return await call();
        }

        public Task<ModelVersion> RegisterAsync(NewModelVersion version, string? alias, CancellationToken ct = default) => Call(() => inner.RegisterAsync(version, alias, ct));
        public Task<IReadOnlyList<ModelVersion>> ListAsync(string? model = null, CancellationToken ct = default) => Call(() => inner.ListAsync(model, ct));
        public Task<ModelVersion?> FindAsync(string model, int version, CancellationToken ct = default) => Call(() => inner.FindAsync(model, version, ct));
        public Task<ModelVersion?> ResolveAliasAsync(string model, string alias, CancellationToken ct = default) => Call(() => inner.ResolveAliasAsync(model, alias, ct));
        public Task SetAliasAsync(string model, string alias, int version, CancellationToken ct = default) => Call(async () => { await inner.SetAliasAsync(model, alias, version, ct); return 0; });
        public Task<ModelVersion?> RegisterIfAliasAsync(NewModelVersion version, string alias, int? expected, CancellationToken ct = default) => Call(() => inner.RegisterIfAliasAsync(version, alias, expected, ct));
        public Task<bool> MoveAliasIfAsync(string model, string alias, int version, int? expected, CancellationToken ct = default) => Call(() => inner.MoveAliasIfAsync(model, alias, version, expected, ct));
    }

    private sealed class GatedLoader(IModelLoader inner) : IModelLoader
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IPredictor> LoadAsync(ModelVersion version, CancellationToken ct = default)
        {
            await Gate.Task;
            return await inner.LoadAsync(version, ct);
        }
    }

    private sealed class NoRoutes : IRouteConfigSource
    {
        public string DefaultModel => "m";
        public string Stamp() => "";
        public IReadOnlyList<RouteConfig> Read() => [];
        public Recur.Core.RecurException Locate(Recur.Core.RecurException error) => error;
    }

    private async Task<(ReadinessCheck Check, SwitchableRegistry Registry, GatedLoader Loader)> ProjectAsync(bool registered = true, PredictionLogOptions? logOptions = null)
    {
        var registry = new SwitchableRegistry(new SqliteRegistryStore(new SqliteDatabase(_dir.Path("recur.db")), TimeProvider.System));
        var artifacts = new FileArtifactStore(_dir.Path("artifacts"));
        if (registered)
        {
            var table = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
            var config = new ProjectConfig { Label = "income", Positive = ">50K", Key = "id", Training = new TrainingConfig { Iterations = 3 } };
            LightGbmTrainer.Train("m", table, FeaturePlan.From(config, table), config.Training, 0.5, 1).Save(_dir.Path("m.zip"));
            var lineage = new ModelLineage([], "c", "v", 1, "lightgbm", new Dictionary<string, string>());
            await registry.RegisterAsync(new NewModelVersion("m", await artifacts.PutAsync(_dir.Path("m.zip")), lineage, new Dictionary<string, double>(), ""), "champion");
        }
        var loader = new GatedLoader(RegisteredModel.Loader(artifacts));
        var pool = new ModelPool(registry, loader, TimeProvider.System);
        var routes = new RouteSource(new NoRoutes(), pool, TimeProvider.System);
        var log = new PredictionLogWriter(new SqlitePredictionLog(new SqliteDatabase(_dir.Path("recur.db"))), options: logOptions);
        _logs.Add(log);
        return (new ReadinessCheck(pool, routes, registry, new ProjectConfig { Name = "m" }, new LogHealthWatch(log, TimeProvider.System)), registry, loader);
    }

    [Fact]
    public async Task CheckAsync_ChampionLoadedAndStoreAnswering_IsReady()
    {
        var (check, _, loader) = await ProjectAsync();
        loader.Gate.SetResult();

        Assert.Empty(await check.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_ModelStillLoading_NamesTheChampionUntilItIsLoaded()
    {
        var (check, _, loader) = await ProjectAsync();

        var loading = await check.CheckAsync(CancellationToken.None);
        loader.Gate.SetResult();

        var problem = Assert.Single(loading);
        Assert.Equal("m@champion", problem.What);
        Assert.Contains("no answer within", problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await check.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_NoChampionRegistered_NamesTheMissingAlias()
    {
        var (check, _, _) = await ProjectAsync(registered: false);

        var problem = Assert.Single(await check.CheckAsync(CancellationToken.None));

        Assert.Equal("m@champion", problem.What);
        Assert.Contains("no alias 'champion'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_StoreFailing_NamesTheStoreWithItsErrorAndRecovers()
    {
        var (check, registry, loader) = await ProjectAsync();
        loader.Gate.SetResult();
        Assert.Empty(await check.CheckAsync(CancellationToken.None));

        registry.Fault = () => throw new IOException("disk I/O error: recur.db");
        var failing = await check.CheckAsync(CancellationToken.None);
        registry.Fault = null;

        var store = Assert.Single(failing, p => p.What == "store");
        Assert.Equal("disk I/O error: recur.db", store.Detail);
        Assert.Empty(await check.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_StoreHanging_IsNotReadyAfterTheTimeout()
    {
        var (check, registry, loader) = await ProjectAsync();
        loader.Gate.SetResult();
        Assert.Empty(await check.CheckAsync(CancellationToken.None));
        var hang = new TaskCompletionSource();
        registry.Fault = () => hang.Task;

        var started = System.Diagnostics.Stopwatch.StartNew();
        var problems = await check.CheckAsync(CancellationToken.None);
        hang.SetResult();

        var store = Assert.Single(problems, p => p.What == "store");
        Assert.Contains("no answer within 2 s", store.Detail, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed, ReadinessCheck.Timeout - TimeSpan.FromMilliseconds(100), ReadinessCheck.Timeout * 3);
    }

    [Fact]
    public async Task CheckAsync_PredictionLogBehindItsPendingLimit_IsNotReadyNamingTheLog()
    {
        // durability none with a 1-byte limit and an hour between store batches: one record keeps the log behind.
        var options = new PredictionLogOptions { Directory = _dir.Path("log"), Fsync = false, MaxPendingBytes = 1, DrainInterval = TimeSpan.FromHours(1) };
        var (check, _, loader) = await ProjectAsync(logOptions: options);
        loader.Gate.SetResult();
        var log = _logs[^1];
        Assert.Empty(await check.CheckAsync(CancellationToken.None));

        await log.AppendAsync([new Recur.Core.Serving.PredictionRecord("k1", "m", 1, DateTimeOffset.UnixEpoch, "{}", "yes", 0.5)]);

        var problem = Assert.Single(await check.CheckAsync(CancellationToken.None));
        Assert.Equal("prediction log", problem.What);
        Assert.Contains("max_pending_mb", problem.Detail, StringComparison.Ordinal);
        await log.FlushAsync();
        Assert.Empty(await check.CheckAsync(CancellationToken.None));
    }
}
