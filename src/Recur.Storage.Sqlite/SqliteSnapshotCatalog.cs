using Dapper;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;

namespace Recur.Storage.Sqlite;

/// <summary>The snapshot catalogue in SQLite.</summary>
public sealed class SqliteSnapshotCatalog(SqliteDatabase db) : ISnapshotCatalog
{
    private sealed record Row(string id, string dataset, long rows, long quarantined, string source, string created_at, string schema_json, string parents_json);

    /// <inheritdoc />
    public Task<bool> AddAsync(SnapshotInfo s, IReadOnlyList<QuarantinedRow> quarantined, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        // Plain commands rather than Dapper here: every ingest ends with this write, and Dapper's first
        // call per parameter type generates code (about 30 ms of an ingest's start-up-like tail).
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.Parameters.AddWithValue("@Id", s.Id);
        command.Parameters.AddWithValue("@Dataset", s.Dataset);
        command.CommandText = "SELECT COUNT(*) FROM snapshots WHERE dataset = @Dataset AND id = @Id";
        var added = (long)command.ExecuteScalar()! == 0;
        // Re-ingesting known content refreshes ingested_at, so it is the dataset's newest snapshot again.
        command.CommandText = """
            INSERT INTO snapshots (id, dataset, rows, quarantined, source, created_at, schema_json, parents_json, ingested_at)
            VALUES (@Id, @Dataset, @Rows, @Quarantined, @Source, @CreatedAt, @SchemaJson, @ParentsJson, @CreatedAt)
            ON CONFLICT(dataset, id) DO UPDATE SET ingested_at = excluded.ingested_at
            """;
        command.Parameters.AddWithValue("@Rows", s.Rows);
        command.Parameters.AddWithValue("@Quarantined", s.Quarantined);
        command.Parameters.AddWithValue("@Source", s.Source);
        command.Parameters.AddWithValue("@CreatedAt", Json.Time(s.CreatedAt));
        command.Parameters.AddWithValue("@SchemaJson", Json.Write(s.Schema));
        command.Parameters.AddWithValue("@ParentsJson", Json.Write(s.Parents));
        command.ExecuteNonQuery();
        command.CommandText = "SELECT COUNT(*) FROM quarantine WHERE snapshot_id = @Id";
        var firstOfContent = (long)command.ExecuteScalar()! == 0;
        if (added && firstOfContent && quarantined.Count > 0)
        {
            connection.Execute(
                "INSERT INTO quarantine (snapshot_id, source, line, reason, raw) VALUES (@SnapshotId, @Source, @Line, @Reason, @Raw)",
                quarantined.Select(q => new { SnapshotId = s.Id, q.Source, q.Line, q.Reason, q.Raw }), tx);
        }
        tx.Commit();
        return Task.FromResult(added);
    }

    /// <inheritdoc />
    public Task<SnapshotInfo?> FindAsync(string idOrPrefix, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = idOrPrefix.Length >= 8
            ? connection.Query<Row>(
                "SELECT id, dataset, rows, quarantined, source, created_at, schema_json, parents_json FROM snapshots WHERE id IN (SELECT DISTINCT id FROM snapshots WHERE id LIKE @p LIMIT 2) GROUP BY id ORDER BY MIN(created_at)",
                new { p = idOrPrefix.ToLowerInvariant() + "%" }).ToList()
            : [];
        if (rows.Count > 1) throw RecurException.Invalid($"snapshot prefix '{idOrPrefix}' is ambiguous; give more characters", "snapshot");
        return Task.FromResult(rows.Count == 1 ? ToInfo(rows[0]) : null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SnapshotInfo>> ListAsync(string? dataset = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<Row>(
            "SELECT id, dataset, rows, quarantined, source, created_at, schema_json, parents_json FROM snapshots WHERE @dataset IS NULL OR dataset = @dataset ORDER BY ingested_at DESC, id",
            new { dataset });
        return Task.FromResult<IReadOnlyList<SnapshotInfo>>(rows.Select(ToInfo).ToList());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync(string snapshotId, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<(string source, long line, string reason, string raw)>(
            "SELECT source, line, reason, raw FROM quarantine WHERE snapshot_id = @snapshotId ORDER BY line", new { snapshotId });
        return Task.FromResult<IReadOnlyList<QuarantinedRow>>(rows.Select(r => new QuarantinedRow(r.source, r.line, r.reason, r.raw)).ToList());
    }

    private static SnapshotInfo ToInfo(Row r) => new(r.id, r.dataset, r.rows, r.quarantined, r.source, Json.Time(r.created_at),
        Json.Read<List<ColumnSpec>>(r.schema_json), Json.Read<List<string>>(r.parents_json));
}
