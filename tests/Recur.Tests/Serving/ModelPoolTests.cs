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

    private static async Task<string> TrainedArtifactAsync(TempDir dir, FileArtifactStore artifacts)
    {
        var table = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        var config = new ProjectConfig { Label = "income", Positive = ">50K", Key = "id", Training = new TrainingConfig { Iterations = 5 } };
        LightGbmTrainer.Train("m", table, FeaturePlan.From(config, table), config.Training, 0.5, 1).Save(dir.Path("m.zip"));
        return await artifacts.PutAsync(dir.Path("m.zip"));
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
}
