using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Recur.Core.Lake;
using Recur.Core.Profiles;
using Recur.Lake.Profiling;
using Recur.Lake.Snapshots;

namespace Recur.Lake;

/// <summary>The lake's registration: file-backed snapshot files and profiles, and the ingestor over them.</summary>
public static class LakeServices
{
    /// <summary>
    /// Registers the Parquet snapshot files and the profile files under <paramref name="lakeDir"/> (unless a storage
    /// backend registered its own) and the <see cref="LakeIngestor"/>, which needs an <see cref="ISnapshotCatalog"/>.
    /// </summary>
    public static IServiceCollection AddFileLake(this IServiceCollection services, string lakeDir)
    {
        services.TryAddSingleton<ISnapshotFiles>(sp => new ParquetSnapshotFiles(lakeDir, sp.GetService<ILogger<ParquetSnapshotFiles>>()));
        services.TryAddSingleton<IProfileStore>(sp => new ProfileFiles(lakeDir, sp.GetService<ILogger<ProfileFiles>>()));
        services.TryAddSingleton(sp => new LakeIngestor(sp.GetRequiredService<ISnapshotFiles>(), sp.GetRequiredService<ISnapshotCatalog>(),
            sp.GetRequiredService<TimeProvider>(), Path.Combine(lakeDir, "parts"), sp.GetService<ILogger<LakeIngestor>>()));
        return services;
    }
}
