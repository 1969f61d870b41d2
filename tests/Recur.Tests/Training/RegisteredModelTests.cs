using Recur.Core.Modeling;
using System.Security.Cryptography;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Lake.Ingest;
using Recur.Registry.Artifacts;
using Recur.Serving;
using Recur.Storage.Sqlite;
using Recur.Training;

namespace Recur.Tests.Training;

public sealed class RegisteredModelTests : IDisposable
{
    private static readonly ProjectConfig Config = new()
    {
        Label = "income", Positive = ">50K", Key = "id", Training = new TrainingConfig { Iterations = 5 },
    };

    private readonly TempDir _dir = new();
    private readonly FileArtifactStore _artifacts;
    private readonly SqliteRegistryStore _registry;

    public RegisteredModelTests()
    {
        _artifacts = new FileArtifactStore(_dir.Path("artifacts"));
        _registry = new SqliteRegistryStore(new SqliteDatabase(_dir.Path("recur.db")), TimeProvider.System);
    }

    public void Dispose() => _dir.Dispose();

    private static DataTable Train() => DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private async Task<ModelVersion> RegisterAsync(int seed)
    {
        var table = Train();
        var path = _dir.Path($"m{seed}.zip");
        LightGbmTrainer.Train("m", table, FeaturePlan.From(Config, table), Config.Training, 0.5, seed).Save(path);
        var sha = await _artifacts.PutAsync(path);
        return await _registry.RegisterAsync(new NewModelVersion("m", sha, new ModelLineage([], "c", "v", seed, "lightgbm", new Dictionary<string, string>()),
            new Dictionary<string, double>(), ""), "champion");
    }

    [Fact]
    public void Save_SameDataConfigAndSeedTwice_GivesIdenticalBytes()
    {
        var table = Train();
        var plan = FeaturePlan.From(Config, table);

        LightGbmTrainer.Train("m", table, plan, Config.Training, 0.5, 3).Save(_dir.Path("a.zip"));
        Thread.Sleep(2100); // zip times have a 2-second resolution: a clock-stamped entry would differ now
        LightGbmTrainer.Train("m", table, plan, Config.Training, 0.5, 3).Save(_dir.Path("b.zip"));

        Assert.Equal(Sha(_dir.Path("a.zip")), Sha(_dir.Path("b.zip")));
    }

    [Fact]
    public async Task LoadAsync_FileReplacedByAnotherVersionsBytes_IsUnavailableNamingVersionAndHashes()
    {
        var v1 = await RegisterAsync(1);
        var v2 = await RegisterAsync(2);
        File.Copy(_artifacts.PathOf(v2.ArtifactSha256), _artifacts.PathOf(v1.ArtifactSha256), overwrite: true);

        var e = await Assert.ThrowsAsync<RecurException>(() => RegisteredModel.LoadAsync(_artifacts, v1));

        Assert.Equal(FailureKind.Unavailable, e.Kind);
        Assert.Contains("version 1", e.Message);
        Assert.Contains(v1.ArtifactSha256, e.Message);
        Assert.Contains(v2.ArtifactSha256, e.Message);
        Assert.DoesNotContain(_dir.Root, e.Message);
    }

    [Fact]
    public async Task VerifyAsync_TruncatedOrMissingFile_FailsAndIntactPasses()
    {
        var v1 = await RegisterAsync(1);
        Assert.True((await RegisteredModel.VerifyAsync(_artifacts, v1)).Ok);
        var path = _artifacts.PathOf(v1.ArtifactSha256);
        var bytes = File.ReadAllBytes(path);

        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var truncated = await RegisteredModel.VerifyAsync(_artifacts, v1);
        File.Delete(path);
        var missing = await RegisteredModel.VerifyAsync(_artifacts, v1);

        Assert.False(truncated.Ok);
        Assert.NotNull(truncated.Actual);
        Assert.False(missing.Ok);
        Assert.Contains("missing", missing.Problem);
    }

    [Fact]
    public async Task ModelPool_FailedLoad_IsRetriedOnceTheFileIsRestored()
    {
        var v1 = await RegisterAsync(1);
        var path = _artifacts.PathOf(v1.ArtifactSha256);
        var good = File.ReadAllBytes(path);
        var flipped = (byte[])good.Clone();
        flipped[flipped.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, flipped);
        var pool = new ModelPool(_registry, RegisteredModel.Loader(_artifacts), TimeProvider.System);
        var champion = ModelSelector.From("m", null, null);

        var e = await Assert.ThrowsAsync<RecurException>(() => pool.GetAsync(champion));
        File.WriteAllBytes(path, good);
        var loaded = await pool.GetAsync(champion);

        Assert.Equal(FailureKind.Unavailable, e.Kind);
        Assert.Equal(1, loaded.Version.Version);
    }
}
