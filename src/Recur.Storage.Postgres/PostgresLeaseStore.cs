using Dapper;
using Recur.Core.Coordination;

namespace Recur.Storage.Postgres;

/// <summary>
/// Leases in PostgreSQL (table <c>recur_leases</c>, module <c>coordination</c>). Expiry is judged on the database's
/// <c>now()</c>, never a replica's clock, so replicas whose clocks disagree still agree on who holds a lease; each
/// acquisition is one <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>, which the row lock makes atomic.
/// </summary>
public sealed class PostgresLeaseStore(PostgresDatabase db) : ILeaseStore
{
    /// <summary>The module's schema steps.</summary>
    public static IReadOnlyList<PostgresMigration> Schema { get; } =
    [
        .. PostgresSchema.Steps("coordination", """
            CREATE TABLE recur_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TIMESTAMPTZ NOT NULL);
            CREATE TABLE recur_jobs (
                id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, model TEXT NOT NULL, payload_json TEXT NOT NULL, status TEXT NOT NULL,
                attempts INT NOT NULL DEFAULT 0, max_attempts INT NOT NULL, worker TEXT,
                enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(), started_at TIMESTAMPTZ, lease_until TIMESTAMPTZ, finished_at TIMESTAMPTZ,
                result_json TEXT, error TEXT);
            CREATE INDEX recur_jobs_ready ON recur_jobs (status, id);
            """),
    ];

    private sealed record Row(string name, string holder, DateTime expires_at, DateTime now_at);

    /// <inheritdoc />
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var taken = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            INSERT INTO recur_leases (name, holder, expires_at) VALUES (@name, @holder, now() + make_interval(secs => @ttl))
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
            WHERE recur_leases.holder = EXCLUDED.holder OR recur_leases.expires_at <= now()
            RETURNING holder
            """, new { name, holder, ttl = ttl.TotalSeconds }, cancellationToken: ct));
        return taken == holder;
    }

    /// <inheritdoc />
    public async Task<bool> ReleaseAsync(string name, string holder, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("DELETE FROM recur_leases WHERE name = @name AND holder = @holder", new { name, holder }, cancellationToken: ct)) > 0;
    }

    /// <inheritdoc />
    public async Task<Lease?> ReadAsync(string name, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT name, holder, expires_at, now() AS now_at FROM recur_leases WHERE name = @name", new { name }, cancellationToken: ct));
        return row is null ? null : new Lease(row.name, row.holder, Utc(row.expires_at), Utc(row.now_at));
    }

    internal static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
