using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core.Lake;
using Recur.Core.Monitoring;
using Recur.Core.Profiles;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Lake.Profiling;
using Recur.Lake.Snapshots;
using Recur.Pipeline;
using Recur.Pipeline.Steps;
using Recur.Registry.Artifacts;
using Recur.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Pipeline;

/// <summary>The composition root: one place chooses the backends; the project, steps and hosts resolve them.</summary>
public sealed class RecurServicesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(string extra = "")
    {
        _dir.Write("p/data.csv", "id,x,y\n1,0.5,yes\n2,1.5,no\n3,2.5,yes\n");
        _dir.Write("p/recur.yaml", $"name: m\nlabel: y\n{extra}datasets:\n  train:\n    source: data.csv\n");
        return _dir.Path("p");
    }

    [Fact]
    public void AddRecur_NoStorageSetting_ComposesTheEmbeddedBackendsOnce()
    {
        using var services = new ServiceCollection().AddRecur(Project()).BuildServiceProvider();

        var project = services.GetRequiredService<RecurProject>();

        Assert.IsType<SqliteSnapshotCatalog>(services.GetRequiredService<ISnapshotCatalog>());
        Assert.IsType<ParquetSnapshotFiles>(services.GetRequiredService<ISnapshotFiles>());
        Assert.IsType<ProfileFiles>(services.GetRequiredService<IProfileStore>());
        Assert.IsType<FileArtifactStore>(services.GetRequiredService<IArtifactStore>());
        // The backend's registry sits behind the alias guard, for the store and its events alike.
        Assert.IsType<Recur.Registry.Guard.AliasGuard>(services.GetRequiredService<IRegistryStore>());
        Assert.Same(services.GetRequiredService<IRegistryStore>(), services.GetRequiredService<IRegistryEvents>());
        Assert.Same(services.GetRequiredService<IPredictionLog>(), services.GetRequiredService<IFeedbackStore>());
        Assert.Same(services.GetRequiredService<ISnapshotFiles>(), project.Snapshots);
        Assert.Same(services.GetRequiredService<IPredictionLog>(), project.Log);
        Assert.Same(services.GetRequiredService<ModelPool>(), services.GetRequiredService<ModelPool>());
        Assert.Equal("sqlite:", project.Storage.ToString());
    }

    [Fact]
    public async Task AddRecur_StorageSqlitePath_KeepsTheMetadataInThatFile()
    {
        var root = Project("storage: sqlite:meta/recur.db\n");
        var project = RecurProject.Open(root);

        await IngestStep.RunAsync(project, "train");

        Assert.True(File.Exists(Path.Combine(root, "meta", "recur.db")));
        Assert.False(File.Exists(Path.Combine(root, ".recur", "recur.db")));
        Assert.Single(await RecurProject.Open(root).Catalog.ListAsync("train"));
    }

    [Fact]
    public async Task Open_StoreOverride_WinsOverRecurYaml()
    {
        var root = Project("storage: sqlite:meta/recur.db\n");

        var project = RecurProject.Open(root, storage: "sqlite:elsewhere.db");
        await IngestStep.RunAsync(project, "train");

        Assert.Equal("sqlite:elsewhere.db", project.Storage.ToString());
        Assert.True(File.Exists(Path.Combine(root, "elsewhere.db")));
        Assert.False(File.Exists(Path.Combine(root, "meta", "recur.db")));
    }

    [Fact]
    public async Task AddRecur_WithALoggerProvider_IngestLogsTheCommittedSnapshot()
    {
        var recorded = new RecordingLoggerProvider();
        await using var services = new ServiceCollection()
            .AddRecur(Project())
            .AddLogging(b => b.AddProvider(recorded).SetMinimumLevel(LogLevel.Information))
            .BuildServiceProvider();

        var outcome = await IngestStep.RunAsync(services.GetRequiredService<RecurProject>(), "train");

        var committed = Assert.Single(recorded.Entries, e => e.Id.Id == 1001);
        Assert.Equal(("Recur.Lake.LakeIngestor", LogLevel.Information), (committed.Category, committed.Level));
        Assert.Contains($"Snapshot {outcome.Snapshot.Id} of train committed: 3 rows", committed.Message, StringComparison.Ordinal);
        Assert.Contains(recorded.Entries, e => e.Id.Id == 1000 && e.Message.Contains(outcome.Snapshot.Id, StringComparison.Ordinal));
    }
}
