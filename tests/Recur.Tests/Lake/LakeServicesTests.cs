using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Lake;
using Recur.Core.Profiles;
using Recur.Lake;
using Recur.Lake.Profiling;
using Recur.Lake.Snapshots;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Lake;

/// <summary>The lake registers its own parts; a backend that registered first keeps its store.</summary>
public sealed class LakeServicesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private IServiceCollection WithCatalog() => new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddSingleton<ISnapshotCatalog>(new SqliteSnapshotCatalog(new SqliteDatabase(_dir.Path("recur.db"))));

    [Fact]
    public void AddFileLake_Alone_ResolvesFileStoresAndTheIngestor()
    {
        using var services = WithCatalog().AddFileLake(_dir.Path("lake")).BuildServiceProvider();

        Assert.IsType<ParquetSnapshotFiles>(services.GetRequiredService<ISnapshotFiles>());
        Assert.IsType<ProfileFiles>(services.GetRequiredService<IProfileStore>());
        Assert.NotNull(services.GetRequiredService<LakeIngestor>());
    }

    [Fact]
    public void AddFileLake_AfterABackendsProfileStore_KeepsTheBackends()
    {
        var backends = new ProfileFiles(_dir.Path("elsewhere"));

        using var services = WithCatalog().AddSingleton<IProfileStore>(backends).AddFileLake(_dir.Path("lake")).BuildServiceProvider();

        Assert.Same(backends, services.GetRequiredService<IProfileStore>());
    }
}
