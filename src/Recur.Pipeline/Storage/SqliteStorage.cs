using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Lake;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Pipeline.Storage;

/// <summary>
/// <c>sqlite:[PATH]</c>: the embedded backend. One SQLite file (WAL) holds the snapshot catalogue, the
/// registry, the prediction log and feedback; the default file is <c>.recur/recur.db</c>, and a relative
/// path is relative to the project folder.
/// </summary>
public sealed class SqliteStorage : IStorageBackend
{
    /// <inheritdoc />
    public string Scheme => "sqlite";

    /// <inheritdoc />
    public string Usage => "sqlite:[PATH]";

    /// <inheritdoc />
    public void Check(StorageUri uri, string setting)
    {
        if (uri.Location.StartsWith("//", StringComparison.Ordinal))
        {
            throw RecurException.Invalid($"{setting}: '{uri}': give sqlite a file path (sqlite:data/recur.db or sqlite:/abs/recur.db), not a host", setting);
        }
        if (uri.Location.IndexOfAny(Path.GetInvalidPathChars()) >= 0) throw RecurException.Invalid($"{setting}: '{uri}' is not a valid file path", setting);
    }

    /// <inheritdoc />
    public void Register(IServiceCollection services, StorageUri uri, ProjectLayout layout)
    {
        var file = uri.Location.Length == 0 ? Path.Combine(layout.State, "recur.db") : Path.GetFullPath(Path.Combine(layout.Root, uri.Location));
        services.AddSingleton(sp => new SqliteDatabase(file, sp.GetService<ILogger<SqliteDatabase>>()));
        services.AddSingleton<ISnapshotCatalog>(sp => new SqliteSnapshotCatalog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => new SqliteRegistryStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteRegistryStore>>(),
            sp.GetService<RegistryActor>(), sp.GetService<IRegistryEventSink>()));
        services.AddSingleton<IRegistryStore>(sp => sp.GetRequiredService<SqliteRegistryStore>());
        services.AddSingleton<IRegistryEvents>(sp => sp.GetRequiredService<SqliteRegistryStore>());
        services.AddSingleton<Core.Runs.IRunStore>(sp => new SqliteRunStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IPolicyStore>(sp => new SqlitePolicyStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new SqlitePredictionLog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IPredictionLog>(sp => sp.GetRequiredService<SqlitePredictionLog>());
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<SqlitePredictionLog>());
        services.AddSingleton<IPublishedPredictions>(sp => new SqlitePublishedPredictions(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ILoopStore>(sp => new SqliteLoopStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMonitoringEventLog>(sp => new SqliteMonitoringEventLog(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<IMonitorCheckpointStore>(sp => new SqliteMonitorCheckpoints(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<Core.Security.IApiKeyStore>(sp => new SqliteApiKeyStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<Core.Coordination.ILeaseStore>(sp => new SqliteLeaseStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Core.Coordination.IJobQueue>(sp => new SqliteJobQueue(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
    }
}
