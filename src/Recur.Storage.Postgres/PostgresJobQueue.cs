using Dapper;
using Recur.Core.Coordination;

namespace Recur.Storage.Postgres;

/// <summary>
/// The job queue in PostgreSQL (table <c>recur_jobs</c>, module <c>coordination</c>, created with the leases). A claim
/// picks the oldest ready row with <c>FOR UPDATE SKIP LOCKED</c>, so workers claiming at once take different jobs
/// without waiting on each other; leases run on the database's clock.
/// </summary>
public sealed class PostgresJobQueue(PostgresDatabase db) : IJobQueue
{
    private sealed record Row(long id, string kind, string model, string payload_json, string status, int attempts, int max_attempts, string? worker,
        DateTime enqueued_at, DateTime? started_at, DateTime? lease_until, DateTime? finished_at, string? result_json, string? error);

    /// <inheritdoc />
    public async Task<JobRecord> EnqueueAsync(NewJob job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var connection = await db.OpenAsync(ct);
        return ToRecord(await connection.QuerySingleAsync<Row>(new CommandDefinition(
            """
            INSERT INTO recur_jobs (kind, model, payload_json, status, attempts, max_attempts)
            VALUES (@Kind, @Model, @PayloadJson, 'queued', 0, @MaxAttempts) RETURNING *
            """, job, cancellationToken: ct)));
    }

    /// <inheritdoc />
    public async Task<JobRecord?> ClaimAsync(string worker, string model, TimeSpan lease, IReadOnlyCollection<string> kinds, CancellationToken ct = default)
    {
        var args = new { worker, model, kinds = kinds.ToArray(), lease = lease.TotalSeconds };
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE recur_jobs SET status = 'failed', finished_at = now(),
                error = 'its worker stopped heartbeating on each of ' || attempts || ' attempts (last: ' || COALESCE(worker, '?') || ')'
            WHERE status = 'running' AND lease_until <= now() AND attempts >= max_attempts
            """, args, tx, cancellationToken: ct));
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            WITH next AS (
                SELECT id FROM recur_jobs
                WHERE model = @model AND (status = 'queued' OR (status = 'running' AND lease_until <= now())) AND (cardinality(@kinds) = 0 OR kind = ANY(@kinds))
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            UPDATE recur_jobs j SET status = 'running', worker = @worker, attempts = j.attempts + 1, started_at = now(),
                lease_until = now() + make_interval(secs => @lease)
            FROM next WHERE j.id = next.id
            RETURNING j.*
            """, args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return row is null ? null : ToRecord(row);
    }

    /// <inheritdoc />
    public Task<bool> HeartbeatAsync(long id, string worker, TimeSpan lease, CancellationToken ct = default) =>
        Update("lease_until = now() + make_interval(secs => @lease)", new { id, worker, lease = lease.TotalSeconds }, ct);

    /// <inheritdoc />
    public Task<bool> CompleteAsync(long id, string worker, string resultJson, CancellationToken ct = default) =>
        Update("status = 'done', finished_at = now(), result_json = @resultJson, error = NULL", new { id, worker, resultJson }, ct);

    /// <inheritdoc />
    public Task<bool> FailAsync(long id, string worker, string error, CancellationToken ct = default) =>
        Update("status = 'failed', finished_at = now(), error = @error", new { id, worker, error }, ct);

    /// <inheritdoc />
    public async Task<JobRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("SELECT * FROM recur_jobs WHERE id = @id", new { id }, cancellationToken: ct));
        return row is null ? null : ToRecord(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JobRecord>> ListAsync(string? model = null, int limit = 100, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT * FROM recur_jobs WHERE @model::text IS NULL OR model = @model ORDER BY id DESC LIMIT @limit", new { model, limit }, cancellationToken: ct));
        return rows.Select(ToRecord).ToList();
    }

    // Only the holder of a running job may change it: a worker whose lease ran out (and whose job another took) is told so.
    private async Task<bool> Update(string set, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE recur_jobs SET {set} WHERE id = @id AND worker = @worker AND status = 'running'", args, cancellationToken: ct)) > 0;
    }

    private static DateTimeOffset? Time(DateTime? t) => t is { } v ? PostgresLeaseStore.Utc(v) : null;

    private static JobRecord ToRecord(Row r) => new(r.id, r.kind, r.model, r.payload_json, r.status, r.attempts, r.max_attempts, r.worker,
        PostgresLeaseStore.Utc(r.enqueued_at), Time(r.started_at), Time(r.lease_until), Time(r.finished_at), r.result_json, r.error);
}
