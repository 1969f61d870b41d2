using Dapper;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>The snapshot catalogue in PostgreSQL (tables <c>snapshots</c> and <c>quarantine</c>).</summary>
public sealed class PostgresSnapshotCatalog(PostgresDatabase db) : ISnapshotCatalog
{
    /// <summary>The module's schema steps.</summary>
    public static IEnumerable<PostgresMigration> Schema { get; } = PostgresSchema.Steps("catalog", """
        CREATE TABLE snapshots (
            id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            rows BIGINT NOT NULL,
            quarantined BIGINT NOT NULL,
            source TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            schema_json TEXT NOT NULL,
            parents_json TEXT NOT NULL,
            ingested_at TIMESTAMPTZ NOT NULL,
            PRIMARY KEY (dataset, id)
        );
        CREATE INDEX snapshots_id ON snapshots (id text_pattern_ops);
        CREATE TABLE quarantine (
            snapshot_id TEXT NOT NULL,
            source TEXT NOT NULL,
            line BIGINT NOT NULL,
            reason TEXT NOT NULL,
            raw TEXT NOT NULL
        );
        CREATE INDEX quarantine_snapshot ON quarantine (snapshot_id);
        """);

    private sealed record Row(string id, string dataset, long rows, long quarantined, string source, DateTime created_at, string schema_json, string parents_json);

    private const string Columns = "id, dataset, rows, quarantined, source, created_at, schema_json, parents_json";

    /// <inheritdoc />
    public Task<bool> AddAsync(SnapshotInfo s, IReadOnlyList<QuarantinedRow> quarantined, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(quarantined);
        // One snapshot id at a time: "added" and "first of its content" must see one state.
        return db.InTransactionAsync("snapshot:" + s.Id, async (connection, tx) =>
        {
            var added = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM snapshots WHERE dataset = @Dataset AND id = @Id", new { s.Dataset, s.Id }, tx, cancellationToken: ct)) == 0;
            // Re-ingesting known content refreshes ingested_at, so it is the dataset's newest snapshot again.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO snapshots (id, dataset, rows, quarantined, source, created_at, schema_json, parents_json, ingested_at)
                VALUES (@Id, @Dataset, @Rows, @Quarantined, @Source, @CreatedAt, @SchemaJson, @ParentsJson, @CreatedAt)
                ON CONFLICT (dataset, id) DO UPDATE SET ingested_at = excluded.ingested_at
                """,
                new { s.Id, s.Dataset, s.Rows, s.Quarantined, s.Source, CreatedAt = Json.Time(s.CreatedAt), SchemaJson = Json.Write(s.Schema), ParentsJson = Json.Write(s.Parents) },
                tx, cancellationToken: ct));
            var firstOfContent = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM quarantine WHERE snapshot_id = @Id", new { s.Id }, tx, cancellationToken: ct)) == 0;
            if (added && firstOfContent && quarantined.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO quarantine (snapshot_id, source, line, reason, raw) SELECT @Id, * FROM unnest(@Sources, @Lines, @Reasons, @Raws)",
                    new
                    {
                        s.Id,
                        Sources = quarantined.Select(q => q.Source).ToArray(),
                        Lines = quarantined.Select(q => q.Line).ToArray(),
                        Reasons = quarantined.Select(q => q.Reason).ToArray(),
                        Raws = quarantined.Select(q => q.Raw).ToArray(),
                    }, tx, cancellationToken: ct));
            }
            return added;
        }, ct);
    }

    /// <inheritdoc />
    public async Task<SnapshotInfo?> FindAsync(string idOrPrefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (idOrPrefix.Length < 8) return null;
        var rows = await db.RunAsync(async c => (await c.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT DISTINCT ON (id) {Columns} FROM snapshots
            WHERE id IN (SELECT DISTINCT id FROM snapshots WHERE id LIKE @p LIMIT 2)
            ORDER BY id, created_at
            """,
            new { p = idOrPrefix.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%" }, cancellationToken: ct))).ToList(), ct);
        if (rows.Count > 1) throw RecurException.Invalid($"snapshot prefix '{idOrPrefix}' is ambiguous; give more characters", "snapshot");
        return rows.Count == 1 ? ToInfo(rows[0]) : null;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? dataset = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<SnapshotInfo>>(async c => (await c.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM snapshots WHERE @dataset::text IS NULL OR dataset = @dataset ORDER BY ingested_at DESC, id",
            new { dataset }, cancellationToken: ct))).Select(ToInfo).ToList(), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(string snapshotId, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<QuarantinedRow>>(async c => (await c.QueryAsync<(string source, long line, string reason, string raw)>(new CommandDefinition(
            "SELECT source, line, reason, raw FROM quarantine WHERE snapshot_id = @snapshotId ORDER BY line", new { snapshotId }, cancellationToken: ct)))
            .Select(r => new QuarantinedRow(r.source, r.line, r.reason, r.raw)).ToList(), ct);

    private static SnapshotInfo ToInfo(Row r) => new(r.id, r.dataset, r.rows, r.quarantined, r.source, Json.Time(r.created_at),
        Json.Read<List<ColumnSpec>>(r.schema_json), Json.Read<List<string>>(r.parents_json));
}
