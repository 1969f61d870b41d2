using Dapper;
using Recur.Core.Coordination;

namespace Recur.Storage.Sqlite;

/// <summary>
/// The job queue in SQLite (table <c>jobs</c>). A claim is one <c>UPDATE … WHERE id = (SELECT …) RETURNING</c> inside an
/// immediate transaction, so two workers never take the same job; times are on the process clock (one machine).
/// </summary>
public sealed class SqliteJobQueue(SqliteDatabase db, TimeProvider time) : IJobQueue
{
    private sealed record Row(long id, string kind, string model, string payload_json, string status, long attempts, long max_attempts, string? worker,
        string enqueued_at, string? started_at, string? lease_until, string? finished_at, string? result_json, string? error);

    /// <inheritdoc />
    public Task<JobRecord> EnqueueAsync(NewJob job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var connection = db.Open();
        var row = connection.QuerySingle<Row>(
            """
            INSERT INTO jobs (kind, model, payload_json, status, attempts, max_attempts, enqueued_at)
            VALUES (@Kind, @Model, @PayloadJson, 'queued', 0, @MaxAttempts, @now) RETURNING *
            """,
            new { job.Kind, job.Model, job.PayloadJson, job.MaxAttempts, now = Json.Time(time.GetUtcNow()) });
        return Task.FromResult(ToRecord(row));
    }

    /// <inheritdoc />
    public Task<JobRecord?> ClaimAsync(string worker, string model, TimeSpan lease, IReadOnlyCollection<string> kinds, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var args = new { worker, model, kinds, now = Json.Time(now), until = Json.Time(now + lease) };
        var byKind = kinds.Count == 0 ? "" : "AND kind IN @kinds";
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        connection.Execute(
            """
            UPDATE jobs SET status = 'failed', finished_at = @now,
                error = 'its worker stopped heartbeating on each of ' || attempts || ' attempts (last: ' || COALESCE(worker, '?') || ')'
            WHERE status = 'running' AND lease_until <= @now AND attempts >= max_attempts
            """, args, tx);
        var row = connection.QuerySingleOrDefault<Row>(
            $"""
            UPDATE jobs SET status = 'running', worker = @worker, attempts = attempts + 1, started_at = @now, lease_until = @until
            WHERE id = (SELECT id FROM jobs WHERE model = @model AND (status = 'queued' OR (status = 'running' AND lease_until <= @now)) {byKind} ORDER BY id LIMIT 1)
            RETURNING *
            """, args, tx);
        tx.Commit();
        return Task.FromResult(row is null ? null : ToRecord(row));
    }

    /// <inheritdoc />
    public Task<bool> HeartbeatAsync(long id, string worker, TimeSpan lease, CancellationToken ct = default) =>
        Update("lease_until = @until", id, worker, new { until = Json.Time(time.GetUtcNow() + lease) });

    /// <inheritdoc />
    public Task<bool> CompleteAsync(long id, string worker, string resultJson, CancellationToken ct = default) =>
        Update("status = 'done', finished_at = @now, result_json = @resultJson, error = NULL", id, worker, new { now = Json.Time(time.GetUtcNow()), resultJson });

    /// <inheritdoc />
    public Task<bool> FailAsync(long id, string worker, string error, CancellationToken ct = default) =>
        Update("status = 'failed', finished_at = @now, error = @error", id, worker, new { now = Json.Time(time.GetUtcNow()), error });

    /// <inheritdoc />
    public Task<JobRecord?> FindAsync(long id, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<Row>("SELECT * FROM jobs WHERE id = @id", new { id });
        return Task.FromResult(row is null ? null : ToRecord(row));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<JobRecord>> ListAsync(string? model = null, int limit = 100, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<Row>("SELECT * FROM jobs WHERE @model IS NULL OR model = @model ORDER BY id DESC LIMIT @limit", new { model, limit = (long)limit });
        return Task.FromResult<IReadOnlyList<JobRecord>>(rows.Select(ToRecord).ToList());
    }

    // Only the holder of a running job may change it: a worker whose lease ran out (and whose job another took) is told so.
    private Task<bool> Update(string set, long id, string worker, object args)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("id", id);
        parameters.Add("worker", worker);
        using var connection = db.Open();
        return Task.FromResult(connection.Execute($"UPDATE jobs SET {set} WHERE id = @id AND worker = @worker AND status = 'running'", parameters) > 0);
    }

    private static DateTimeOffset? Time(string? s) => s is null ? null : Json.Time(s);

    private static JobRecord ToRecord(Row r) => new(r.id, r.kind, r.model, r.payload_json, r.status, (int)r.attempts, (int)r.max_attempts, r.worker,
        Json.Time(r.enqueued_at), Time(r.started_at), Time(r.lease_until), Time(r.finished_at), r.result_json, r.error);
}
