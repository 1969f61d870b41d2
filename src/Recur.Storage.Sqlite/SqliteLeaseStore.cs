using Dapper;
using Recur.Core.Coordination;

namespace Recur.Storage.Sqlite;

/// <summary>
/// Leases in SQLite (table <c>leases</c>). Every process sharing the file runs on one machine, so expiry is judged on
/// the process clock; each acquisition is one upsert statement, which SQLite runs atomically under its write lock.
/// </summary>
public sealed class SqliteLeaseStore(SqliteDatabase db, TimeProvider time) : ILeaseStore
{
    private sealed record Row(string name, string holder, string expires_at);

    /// <inheritdoc />
    public Task<bool> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        using var connection = db.Open();
        var changed = connection.Execute(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expires)
            ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at <= @now
            """,
            new { name, holder, expires = Json.Time(now + ttl), now = Json.Time(now) });
        return Task.FromResult(changed > 0);
    }

    /// <inheritdoc />
    public Task<bool> ReleaseAsync(string name, string holder, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(connection.Execute("DELETE FROM leases WHERE name = @name AND holder = @holder", new { name, holder }) > 0);
    }

    /// <inheritdoc />
    public Task<Lease?> ReadAsync(string name, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<Row>("SELECT name, holder, expires_at FROM leases WHERE name = @name", new { name });
        return Task.FromResult(row is null ? null : new Lease(row.name, row.holder, Json.Time(row.expires_at), time.GetUtcNow()));
    }
}
