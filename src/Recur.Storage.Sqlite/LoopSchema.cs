namespace Recur.Storage.Sqlite;

/// <summary>The loop's audit trail: one immutable row per step (updates and deletes are refused by triggers).</summary>
internal static class LoopSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS loop_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model TEXT NOT NULL,
            tick INTEGER NOT NULL,
            at TEXT NOT NULL,
            step TEXT NOT NULL,
            what TEXT NOT NULL,
            why TEXT NOT NULL,
            numbers_json TEXT NOT NULL,
            version INTEGER
        );
        CREATE INDEX IF NOT EXISTS loop_events_model ON loop_events(model, id);
        CREATE TRIGGER IF NOT EXISTS loop_events_no_update BEFORE UPDATE ON loop_events
            BEGIN SELECT RAISE(ABORT, 'the loop audit trail is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS loop_events_no_delete BEFORE DELETE ON loop_events
            BEGIN SELECT RAISE(ABORT, 'the loop audit trail is append-only'); END;
        """;
}
