using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core.Lake;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Storage.Postgres;

namespace Recur.Pipeline.Storage;

/// <summary>
/// <c>postgres://user:password@host:5432/database</c> (or <c>postgres:Host=...;Database=...</c>): the team
/// backend. One PostgreSQL database holds what the SQLite file holds for the embedded default; the lake,
/// profiles and artifacts stay in files under the project folder, which replicas must share.
/// </summary>
public sealed class PostgresStorage : IStorageBackend
{
    /// <inheritdoc />
    public string Scheme => "postgres";

    /// <inheritdoc />
    public string Usage => "postgres://user:password@host:5432/database";

    /// <inheritdoc />
    public void Check(StorageUri uri, string setting) => PostgresConnectionString.FromLocation(uri.Location, setting);

    /// <inheritdoc />
    public void Register(IServiceCollection services, StorageUri uri, ProjectLayout layout)
    {
        var connectionString = PostgresConnectionString.FromLocation(uri.Location, "storage");
        services.AddSingleton(sp => new PostgresDatabase(connectionString, sp.GetService<ILogger<PostgresDatabase>>()));
        services.AddSingleton<IStoreStartupCheck>(sp => new SchemaCheck(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<ISnapshotCatalog>(sp => new PostgresSnapshotCatalog(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton(sp => new PostgresRegistryStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<PostgresRegistryStore>>(),
            sp.GetService<RegistryActor>(), sp.GetService<IRegistryEventSink>()));
        services.AddSingleton<IRegistryStore>(sp => sp.GetRequiredService<PostgresRegistryStore>());
        services.AddSingleton<IRegistryEvents>(sp => sp.GetRequiredService<PostgresRegistryStore>());
        services.AddSingleton<Core.Runs.IRunStore>(sp => new PostgresRunStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IPolicyStore>(sp => new PostgresPolicyStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PostgresPredictionLog(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IPredictionLog>(sp => sp.GetRequiredService<PostgresPredictionLog>());
        services.AddSingleton<IFeedbackStore>(sp => sp.GetRequiredService<PostgresPredictionLog>());
        services.AddSingleton<IPublishedPredictions>(sp => new PostgresPublishedPredictions(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<ILoopStore>(sp => new PostgresLoopStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMonitoringEventLog>(sp => new PostgresMonitoringEventLog(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IMonitorCheckpointStore>(sp => new PostgresMonitorCheckpoints(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<Core.Security.IApiKeyStore>(sp => new PostgresApiKeyStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<Core.Coordination.ILeaseStore>(sp => new PostgresLeaseStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<Core.Coordination.IJobQueue>(sp => new PostgresJobQueue(sp.GetRequiredService<PostgresDatabase>()));
        // Each store is registered here as it is built; what is missing falls back to nothing (see the compliance suites).
    }

    // A server checks the database (and its schema version) before it serves.
    private sealed class SchemaCheck(PostgresDatabase db) : IStoreStartupCheck
    {
        public Task EnsureReadyAsync(CancellationToken ct = default) => db.EnsureSchemaAsync(ct);
    }
}
