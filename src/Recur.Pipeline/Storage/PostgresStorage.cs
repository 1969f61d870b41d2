using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        services.AddSingleton<Core.Coordination.ILeaseStore>(sp => new PostgresLeaseStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<Core.Coordination.IJobQueue>(sp => new PostgresJobQueue(sp.GetRequiredService<PostgresDatabase>()));
        // Each store is registered here as it is built; what is missing falls back to nothing (see the compliance suites).
    }
}
