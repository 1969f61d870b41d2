namespace Recur.Storage.Sqlite;

/// <summary>Leases (<see cref="SqliteLeaseStore"/>) and the job queue (<see cref="SqliteJobQueue"/>). Times are fixed-format UTC text, which sorts in time order.</summary>
internal static class CoordinationSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            model TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL,
            worker TEXT,
            enqueued_at TEXT NOT NULL,
            started_at TEXT,
            lease_until TEXT,
            finished_at TEXT,
            result_json TEXT,
            error TEXT
        );
        CREATE INDEX IF NOT EXISTS jobs_ready ON jobs(status, id);
        """;
}
