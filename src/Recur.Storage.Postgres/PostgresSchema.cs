namespace Recur.Storage.Postgres;

/// <summary>
/// The catalogue of every module's schema steps: the one place a new table's steps are listed (one line per
/// module). <see cref="PostgresDatabase"/> applies what a database lacks, and refuses a database that has
/// steps this build does not know (a replica older than the schema).
/// </summary>
public static class PostgresSchema
{
    /// <summary>Every step this build knows, by module then version.</summary>
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        .. Steps("core", """
            CREATE TABLE IF NOT EXISTS recur_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """),
        .. PostgresSnapshotCatalog.Schema,
        .. PostgresRegistryStore.Schema,
        .. PostgresRunStore.Schema,
        .. PostgresPredictionLog.Schema,
        .. PostgresPublishedPredictions.Schema,
        .. PostgresLoopStore.Schema,
        .. PostgresMonitorCheckpoints.Schema,
        .. PostgresApiKeyStore.Schema,
        .. PostgresLeaseStore.Schema,
    ];

    /// <summary>Numbers a module's steps 1, 2, 3, ... in the order given.</summary>
    public static IEnumerable<PostgresMigration> Steps(string module, params string[] sql) =>
        sql.Select((s, i) => new PostgresMigration(module, i + 1, s));
}
