namespace Recur.Storage.Postgres;

/// <summary>The registry's tables: versions, aliases, tags, decision policies (<see cref="PostgresPolicyStore"/>) and the immutable event history.</summary>
public sealed partial class PostgresRegistryStore
{
    /// <summary>The module's schema steps.</summary>
    public static IEnumerable<PostgresMigration> Schema { get; } = PostgresSchema.Steps("registry", """
        CREATE TABLE model_versions (
            model TEXT NOT NULL,
            version BIGINT NOT NULL,
            artifact_sha256 TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            lineage_json TEXT NOT NULL,
            metrics_json TEXT NOT NULL,
            description TEXT NOT NULL,
            PRIMARY KEY (model, version)
        );
        CREATE TABLE aliases (
            model TEXT NOT NULL,
            alias TEXT NOT NULL,
            version BIGINT NOT NULL,
            PRIMARY KEY (model, alias),
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE model_tags (
            model TEXT NOT NULL,
            version BIGINT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (model, version, key),
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE decision_policies (
            model TEXT NOT NULL,
            version BIGINT NOT NULL,
            revision BIGINT NOT NULL,
            policy_json TEXT NOT NULL,
            changed_at TIMESTAMPTZ NOT NULL,
            changed_by TEXT NOT NULL,
            reason TEXT NOT NULL,
            evidence_json TEXT NOT NULL,
            PRIMARY KEY (model, version, revision),
            FOREIGN KEY (model, version) REFERENCES model_versions (model, version)
        );
        CREATE TABLE registry_events (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            model TEXT NOT NULL,
            kind TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL,
            actor TEXT NOT NULL,
            reason TEXT NOT NULL,
            version BIGINT,
            alias TEXT,
            previous_version BIGINT,
            tag TEXT,
            tag_value TEXT,
            metrics_json TEXT NOT NULL
        );
        CREATE INDEX registry_events_model ON registry_events (model, id);
        CREATE FUNCTION recur_registry_events_immutable() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'registry events are immutable'; END $$;
        CREATE TRIGGER registry_events_immutable BEFORE UPDATE OR DELETE ON registry_events
            FOR EACH ROW EXECUTE FUNCTION recur_registry_events_immutable();
        CREATE TRIGGER registry_events_no_truncate BEFORE TRUNCATE ON registry_events
            FOR EACH STATEMENT EXECUTE FUNCTION recur_registry_events_immutable();
        """);
}
