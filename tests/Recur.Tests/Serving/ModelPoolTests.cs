using Recur.Core.Modeling;
using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Lake.Ingest;
using Recur.Registry.Artifacts;
using Recur.Serving;
using Recur.Storage.Sqlite;
using Recur.Training;

namespace Recur.Tests.Serving;

public sealed class ModelPoolTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task<string> TrainedArtifactAsync(TempDir dir, FileArtifactStore artifacts, int iterations = 5)
    {
        var table = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        var config = new ProjectConfig { Label = "income", Positive = ">50K", Key = "id", Training = new TrainingConfig { Iterations = iterations } };
        LightGbmTrainer.Train("m", table, FeaturePlan.From(config, table), config.Training, 0.5, 1).Save(dir.Path($"m{iterations}.zip"));
        return await artifacts.PutAsync(dir.Path($"m{iterations}.zip"));
    }

    [Fact]
    public async Task GetAsync_AliasMoved_TakesEffectAfterTheResolveTtl()
    {
        using var dir = new TempDir();
        var clock = new ManualClock();
        var registry = new SqliteRegistryStore(new SqliteDatabase(dir.Path("recur.db")), clock);
        var artifacts = new FileArtifactStore(dir.Path("artifacts"));
        var sha = await TrainedArtifactAsync(dir, artifacts);
        var lineage = new ModelLineage([], "c", "v", 1, "lightgbm", new Dictionary<string, string>());
        await registry.RegisterAsync(new NewModelVersion("m", sha, lineage, new Dictionary<string, double>(), ""), "champion");
        await registry.RegisterAsync(new NewModelVersion("m", sha, lineage, new Dictionary<string, double>(), ""), null);
        var pool = new ModelPool(registry, RegisteredModel.Loader(artifacts), clock);
        var champion = ModelSelector.From("m", null, null);

        Assert.Equal(1, (await pool.GetAsync(champion)).Version.Version);
        await registry.SetAliasAsync("m", "champion", 2);
        Assert.Equal(1, (await pool.GetAsync(champion)).Version.Version);
        clock.Now += ModelPool.ResolveTtl + TimeSpan.FromMilliseconds(1);
        Assert.Equal(2, (await pool.GetAsync(champion)).Version.Version);
    }

    [Fact]
    public async Task GetAsync_UnknownAliasOrVersion_IsNotFound()
    {
        using var dir = new TempDir();
        var pool = new ModelPool(new SqliteRegistryStore(new SqliteDatabase(dir.Path("recur.db")), TimeProvider.System), RegisteredModel.Loader(new FileArtifactStore(dir.Path("a"))), TimeProvider.System);

        Assert.Equal(FailureKind.NotFound, (await Assert.ThrowsAsync<RecurException>(() => pool.GetAsync(ModelSelector.From("m", 3, null)))).Kind);
        Assert.Equal(FailureKind.NotFound, (await Assert.ThrowsAsync<RecurException>(() => pool.GetAsync(ModelSelector.From("m", null, "ghost")))).Kind);
    }

    private sealed class GatedLoader(IModelLoader inner, int gatedVersion) : IModelLoader
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IPredictor> LoadAsync(ModelVersion version, CancellationToken ct = default)
        {
            if (version.Version == gatedVersion) await Gate.Task;
            return await inner.LoadAsync(version, ct);
        }
    }

    [Fact]
    public async Task GetAsync_AliasMovedToAVersionStillLoading_ThePreviousVersionAnswersUntilItIsLoaded()
    {
        using var dir = new TempDir();
        var clock = new ManualClock();
        var registry = new SqliteRegistryStore(new SqliteDatabase(dir.Path("recur.db")), clock);
        var artifacts = new FileArtifactStore(dir.Path("artifacts"));
        var lineage = new ModelLineage([], "c", "v", 1, "lightgbm", new Dictionary<string, string>());
        await registry.RegisterAsync(new NewModelVersion("m", await TrainedArtifactAsync(dir, artifacts, 5), lineage, new Dictionary<string, double>(), ""), "champion");
        await registry.RegisterAsync(new NewModelVersion("m", await TrainedArtifactAsync(dir, artifacts, 6), lineage, new Dictionary<string, double>(), ""), null);
        var loader = new GatedLoader(RegisteredModel.Loader(artifacts), gatedVersion: 2);
        var pool = new ModelPool(registry, loader, clock);
        var champion = ModelSelector.From("m", null, null);
        Assert.Equal(1, (await pool.GetAsync(champion)).Version.Version);

        await registry.SetAliasAsync("m", "champion", 2);
        clock.Now += ModelPool.ResolveTtl + TimeSpan.FromMilliseconds(1);
        var whileLoading = await pool.GetAsync(champion).WaitAsync(TimeSpan.FromSeconds(10));
        loader.Gate.SetResult();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var after = whileLoading;
        while (after.Version.Version == 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            after = await pool.GetAsync(champion);
        }

        Assert.Equal(1, whileLoading.Version.Version);
        Assert.Equal(2, after.Version.Version);
    }
}
