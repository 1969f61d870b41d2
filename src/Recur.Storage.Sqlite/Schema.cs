namespace Recur.Storage.Sqlite;

/// <summary>The tables of the embedded database.</summary>
internal static class Schema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS snapshots (
            id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            rows INTEGER NOT NULL,
            quarantined INTEGER NOT NULL,
            source TEXT NOT NULL,
            created_at TEXT NOT NULL,
            schema_json TEXT NOT NULL,
            parents_json TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            PRIMARY KEY (dataset, id)
        );
        CREATE TABLE IF NOT EXISTS quarantine (
            snapshot_id TEXT NOT NULL,
            source TEXT NOT NULL,
            line INTEGER NOT NULL,
            reason TEXT NOT NULL,
            raw TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS quarantine_snapshot ON quarantine(snapshot_id);
        CREATE INDEX IF NOT EXISTS snapshots_id ON snapshots(id);
        CREATE TABLE IF NOT EXISTS model_versions (
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            artifact_sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            lineage_json TEXT NOT NULL,
            metrics_json TEXT NOT NULL,
            description TEXT NOT NULL,
            PRIMARY KEY (model, version)
        );
        CREATE TABLE IF NOT EXISTS aliases (
            model TEXT NOT NULL,
            alias TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (model, alias),
            FOREIGN KEY (model, version) REFERENCES model_versions(model, version)
        );
        CREATE TABLE IF NOT EXISTS decision_policies (
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            revision INTEGER NOT NULL,
            policy_json TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            evidence_json TEXT NOT NULL,
            PRIMARY KEY (model, version, revision),
            FOREIGN KEY (model, version) REFERENCES model_versions(model, version)
        );
        CREATE TABLE IF NOT EXISTS registry_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            version INTEGER,
            alias TEXT,
            previous_version INTEGER,
            tag TEXT,
            tag_value TEXT,
            metrics_json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS registry_events_model ON registry_events(model, id);
        CREATE TRIGGER IF NOT EXISTS registry_events_no_update BEFORE UPDATE ON registry_events
            BEGIN SELECT RAISE(ABORT, 'registry events are immutable'); END;
        CREATE TRIGGER IF NOT EXISTS registry_events_no_delete BEFORE DELETE ON registry_events
            BEGIN SELECT RAISE(ABORT, 'registry events are immutable'); END;
        CREATE TABLE IF NOT EXISTS model_tags (
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (model, version, key),
            FOREIGN KEY (model, version) REFERENCES model_versions(model, version)
        );
        CREATE TABLE IF NOT EXISTS predictions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            ts TEXT NOT NULL,
            inputs_json TEXT NOT NULL,
            label TEXT NOT NULL,
            score REAL NOT NULL,
            route TEXT,
            role TEXT,
            latency_ms REAL,
            rules TEXT
        );
        CREATE INDEX IF NOT EXISTS predictions_model_key ON predictions(model, key);
        CREATE INDEX IF NOT EXISTS predictions_model_ts ON predictions(model, ts);
        CREATE TABLE IF NOT EXISTS feedback (
            key TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            ts TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS published_runs (
            run INTEGER PRIMARY KEY AUTOINCREMENT,
            model TEXT NOT NULL,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            published_at TEXT
        );
        CREATE INDEX IF NOT EXISTS published_runs_model ON published_runs(model, state);
        CREATE TABLE IF NOT EXISTS published_predictions (
            run INTEGER NOT NULL,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            score REAL NOT NULL,
            scores_json TEXT,
            PRIMARY KEY (run, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS feedback_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            event_ts TEXT NOT NULL,
            received_ts TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS feedback_events_key ON feedback_events(key, seq);
        CREATE TRIGGER IF NOT EXISTS feedback_events_no_update BEFORE UPDATE ON feedback_events
            BEGIN SELECT RAISE(ABORT, 'feedback events are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS feedback_events_no_delete BEFORE DELETE ON feedback_events
            BEGIN SELECT RAISE(ABORT, 'feedback events are append-only'); END;
        CREATE TABLE IF NOT EXISTS feedback_files (
            sha256 TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            rows INTEGER NOT NULL,
            ingested_at TEXT NOT NULL
        );
        -- Labels stored by a Recur before the event log (one row per key) become its first events, once.
        INSERT INTO feedback_events (key, label, event_ts, received_ts, source)
            SELECT key, label, ts, ts, 'feedback-table' FROM feedback WHERE NOT EXISTS (SELECT 1 FROM feedback_events) ORDER BY ts, key;
        CREATE TABLE IF NOT EXISTS monitor_checkpoints (
            model TEXT PRIMARY KEY,
            prediction_seq INTEGER NOT NULL,
            feedback_seq INTEGER NOT NULL,
            fingerprint TEXT NOT NULL,
            state TEXT NOT NULL,
            written_at TEXT NOT NULL
        );
        """;

}
