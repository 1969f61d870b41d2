using Dapper;
using Microsoft.Data.Sqlite;

namespace Recur.Storage.Sqlite;

/// <summary>
/// Columns added to existing tables after they were first created: <see cref="Schema.Ddl"/> creates new databases
/// without them, and each is added when missing, so a database written by an older Recur opens unchanged.
/// </summary>
internal static class SchemaMigrations
{
    private static readonly (string Table, string Column, string Definition)[] Added =
    [
        ("predictions", "rules", "TEXT"),   // the safeguard rules that fired, comma-separated; NULL when none
        ("predictions", "route", "TEXT"),   // the gateway route that chose the version (not indexed: every insert would pay)
        ("predictions", "role", "TEXT"),    // shadow, phase1, phase2, or NULL
        ("predictions", "latency_ms", "REAL"),
        ("predictions", "surrogate_label", "TEXT"), // the explainable surrogate's answer beside the model's
        ("predictions", "surrogate_score", "REAL"),
        ("predictions", "log_id", "TEXT"),  // the durable log's record id (instance:segment:offset); NULL when written directly
    ];

    public static void Apply(SqliteConnection connection)
    {
        connection.Execute(LoopSchema.Ddl); // tables added later: created when missing
        connection.Execute(SqliteRunStore.Ddl);
        connection.Execute(SqliteApiKeyStore.Ddl);
        connection.Execute(CoordinationSchema.Ddl);
        foreach (var (table, column, definition) in Added)
        {
            var columns = connection.Query<string>($"SELECT name FROM pragma_table_info('{table}')").ToHashSet(StringComparer.Ordinal);
            if (columns.Contains(column)) continue;
            try
            {
                connection.Execute($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process opening the same database added it first.
            }
        }
        // One row per durable-log record: the drainer's idempotent insert relies on it.
        connection.Execute("CREATE UNIQUE INDEX IF NOT EXISTS predictions_log_id ON predictions(log_id) WHERE log_id IS NOT NULL");
    }
}
