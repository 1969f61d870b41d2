using Dapper;
using Npgsql;
using NpgsqlTypes;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>
/// The prediction log and feedback in PostgreSQL; the label join runs in SQL (see PostgresPredictionLog.Feedback.cs).
/// Appends hold a transaction-scoped advisory lock, so sequence numbers commit in order: a reader that has seen
/// <c>seq</c> n has seen every row below it, which the incremental monitor's cursors rely on with several replicas
/// writing. Batches go in with binary COPY, single records with one INSERT (see docs/benchmarks.md).
/// </summary>
public sealed partial class PostgresPredictionLog(PostgresDatabase db) : IPredictionLog, IFeedbackStore
{
    /// <summary>The module's schema steps.</summary>
    public static IEnumerable<PostgresMigration> Schema { get; } = PostgresSchema.Steps("log", """
        CREATE TABLE predictions (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            key TEXT NOT NULL,
            model TEXT NOT NULL,
            version BIGINT NOT NULL,
            ts TIMESTAMPTZ NOT NULL,
            inputs_json TEXT NOT NULL,
            label TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            route TEXT,
            role TEXT,
            latency_ms DOUBLE PRECISION,
            rules TEXT,
            surrogate_label TEXT,
            surrogate_score DOUBLE PRECISION
        );
        CREATE INDEX predictions_model_key ON predictions (model, key);
        CREATE INDEX predictions_model_ts ON predictions (model, ts);
        CREATE TABLE feedback_events (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            event_ts TIMESTAMPTZ NOT NULL,
            received_ts TIMESTAMPTZ NOT NULL,
            source TEXT NOT NULL
        );
        CREATE INDEX feedback_events_key ON feedback_events (key, seq);
        CREATE FUNCTION recur_feedback_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'feedback events are append-only'; END $$;
        CREATE TRIGGER feedback_events_append_only BEFORE UPDATE OR DELETE ON feedback_events
            FOR EACH ROW EXECUTE FUNCTION recur_feedback_events_append_only();
        CREATE TRIGGER feedback_events_no_truncate BEFORE TRUNCATE ON feedback_events
            FOR EACH STATEMENT EXECUTE FUNCTION recur_feedback_events_append_only();
        CREATE TABLE feedback_files (
            sha256 TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            rows BIGINT NOT NULL,
            ingested_at TIMESTAMPTZ NOT NULL
        );
        """, """
        ALTER TABLE predictions ADD COLUMN log_id TEXT;
        CREATE UNIQUE INDEX predictions_log_id ON predictions (log_id) WHERE log_id IS NOT NULL;
        """);

    private sealed record Row(string key, string model, long version, DateTime ts, string inputs_json, string label, double score, string? route, string? role,
        double? latency_ms, string? rules, string? surrogate_label, double? surrogate_score);

    private const string Columns = "key, model, version, ts, inputs_json, label, score, route, role, latency_ms, rules, surrogate_label, surrogate_score";

    // What an append writes: the read columns and the durable log's record id.
    private const string WriteColumns = Columns + ", log_id";

    // Shadow copies are logged for the route comparison only; monitoring and feedback see what clients were answered.
    private const string Answered = "(role IS NULL OR role <> 'shadow')";

    /// <summary>Batches of at least this many records go in with binary COPY; smaller ones with one INSERT.</summary>
    internal int CopyFrom { get; init; } = CopyThreshold;

    /// <summary>The default <see cref="CopyFrom"/>: below it one batched INSERT is faster than COPY (docs/benchmarks.md).</summary>
    internal const int CopyThreshold = 16;

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0) return Task.CompletedTask;
        return db.InTransactionAsync("log:predictions", async (c, tx) =>
        {
            // Records the durable log delivers again after a crash (same log id) are stored once. Appends hold the
            // advisory lock, so reading the ids already stored and then writing the rest cannot race another append.
            records = await WithoutStoredLogIdsAsync(c, tx, records, ct);
            if (records.Count == 0) return true;
            if (records.Count >= CopyFrom) await CopyAsync(c, records, ct);
            else await InsertAsync(c, tx, records, ct);
            return true;
        }, ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PredictionRecord>> ReadAsync(string model, DateTimeOffset? since = null, int limit = int.MaxValue, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM predictions WHERE model = @model AND (@since::timestamptz IS NULL OR ts >= @since) AND {Answered} ORDER BY seq LIMIT @limit",
            new { model, since = Json.Time(since), limit = (long)limit }, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<PredictionRecord>> FindByKeysAsync(string model, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return QueryAsync($"SELECT {Columns} FROM predictions WHERE model = @model AND key = ANY(@keys) AND {Answered} ORDER BY seq", new { model, keys = keys.ToArray() }, ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PredictionRecord>> ReadRouteAsync(string model, string route, DateTimeOffset? since = null, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM predictions WHERE model = @model AND route = @route AND (@since::timestamptz IS NULL OR ts >= @since) ORDER BY seq",
            new { model, route, since = Json.Time(since) }, ct);

    private Task<IReadOnlyList<PredictionRecord>> QueryAsync(string sql, object parameters, CancellationToken ct) =>
        db.RunAsync<IReadOnlyList<PredictionRecord>>(async c => (await c.QueryAsync<Row>(new CommandDefinition(sql, parameters, cancellationToken: ct))).Select(ToRecord).ToList(), ct);

    private static async Task<IReadOnlyList<PredictionRecord>> WithoutStoredLogIdsAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<PredictionRecord> records, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.LogId is { } id) ids.Add(id);
        }
        if (ids.Count == 0) return records;
        var stored = (await c.QueryAsync<string>(new CommandDefinition("SELECT log_id FROM predictions WHERE log_id = ANY(@ids)", new { ids = ids.ToArray() }, tx, cancellationToken: ct)))
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return records.Where(r => r.LogId is not { } id || (!stored.Contains(id) && seen.Add(id))).ToList();
    }

    private static async Task CopyAsync(NpgsqlConnection c, IReadOnlyList<PredictionRecord> records, CancellationToken ct)
    {
        await using var import = await c.BeginBinaryImportAsync($"COPY predictions ({WriteColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in records)
        {
            await import.StartRowAsync(ct);
            await import.WriteAsync(r.Key, NpgsqlDbType.Text, ct);
            await import.WriteAsync(r.Model, NpgsqlDbType.Text, ct);
            await import.WriteAsync((long)r.Version, NpgsqlDbType.Bigint, ct);
            await import.WriteAsync(Json.Time(r.Timestamp), NpgsqlDbType.TimestampTz, ct);
            await import.WriteAsync(r.InputsJson, NpgsqlDbType.Text, ct);
            await import.WriteAsync(r.Label, NpgsqlDbType.Text, ct);
            await import.WriteAsync(r.Score, NpgsqlDbType.Double, ct);
            await WriteOrNullAsync(import, r.Route, NpgsqlDbType.Text, ct);
            await WriteOrNullAsync(import, r.Role, NpgsqlDbType.Text, ct);
            await WriteOrNullAsync(import, r.LatencyMs, NpgsqlDbType.Double, ct);
            await WriteOrNullAsync(import, r.Rules, NpgsqlDbType.Text, ct);
            await WriteOrNullAsync(import, r.SurrogateLabel, NpgsqlDbType.Text, ct);
            await WriteOrNullAsync(import, r.SurrogateScore, NpgsqlDbType.Double, ct);
            await WriteOrNullAsync(import, r.LogId, NpgsqlDbType.Text, ct);
        }
        await import.CompleteAsync(ct);
    }

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? import.WriteNullAsync(ct) : import.WriteAsync(value, type, ct);

    private static async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<PredictionRecord> records, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(c, tx);
        foreach (var r in records)
        {
            var command = new NpgsqlBatchCommand($"INSERT INTO predictions ({WriteColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.Key });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.Model });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = r.Version });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Json.Time(r.Timestamp) });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.InputsJson });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = r.Label });
            command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = r.Score });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Route ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Role ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = r.LatencyMs is { } ms ? ms : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.Rules ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.SurrogateLabel ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = r.SurrogateScore is { } s ? s : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)r.LogId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static PredictionRecord ToRecord(Row r) => new(r.key, r.model, (int)r.version, Json.Time(r.ts), r.inputs_json, r.label, r.score, r.route, r.role,
        r.latency_ms, r.rules, r.surrogate_label, r.surrogate_score);
}
