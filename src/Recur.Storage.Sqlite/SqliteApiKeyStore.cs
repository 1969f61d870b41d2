using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core;
using Recur.Core.Security;

namespace Recur.Storage.Sqlite;

/// <summary>API keys in SQLite, hashed: one row per key, revoked ones kept (with their revocation time) for the record.</summary>
public sealed class SqliteApiKeyStore(SqliteDatabase db) : IApiKeyStore
{
    internal const string Ddl = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            prefix TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            scopes TEXT NOT NULL,
            created_at TEXT NOT NULL,
            revoked_at TEXT,
            last_used_at TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS api_keys_active_name ON api_keys(name) WHERE revoked_at IS NULL;
        """;

    private const string Columns = "id, name, prefix, hash, scopes, created_at, revoked_at, last_used_at";

    private sealed record Row(long id, string name, string prefix, string hash, string scopes, string created_at, string? revoked_at, string? last_used_at)
    {
        public ApiKeyRecord ToRecord() => new(id, name, prefix, hash, ApiScopeNames.Parse(scopes, "api_keys.scopes"), Json.Time(created_at),
            revoked_at is null ? null : Json.Time(revoked_at), last_used_at is null ? null : Json.Time(last_used_at));
    }

    /// <inheritdoc />
    public Task<ApiKeyRecord> CreateAsync(NewApiKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var connection = db.Open();
        try
        {
            var id = connection.ExecuteScalar<long>(
                "INSERT INTO api_keys (name, prefix, hash, scopes, created_at) VALUES (@Name, @Prefix, @Hash, @Scopes, @At) RETURNING id",
                new { key.Name, key.Prefix, key.Hash, Scopes = ApiScopeNames.Format(key.Scopes), At = Json.Time(key.Created) });
            return Task.FromResult(connection.QuerySingle<Row>($"SELECT {Columns} FROM api_keys WHERE id = @id", new { id }).ToRecord());
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT
        {
            throw ApiKeyConflicts.For(key, e.Message.Contains("name", StringComparison.Ordinal));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult<IReadOnlyList<ApiKeyRecord>>(connection.Query<Row>($"SELECT {Columns} FROM api_keys ORDER BY id").Select(r => r.ToRecord()).ToList());
    }

    /// <inheritdoc />
    public Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(connection.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM api_keys WHERE hash = @hash", new { hash })?.ToRecord());
    }

    /// <inheritdoc />
    public Task<ApiKeyRecord> RevokeAsync(string idOrPrefix, DateTimeOffset at, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var row = connection.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM api_keys WHERE prefix = @idOrPrefix", new { idOrPrefix }, tx)
            ?? (long.TryParse(idOrPrefix, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? connection.QuerySingleOrDefault<Row>($"SELECT {Columns} FROM api_keys WHERE id = @id", new { id }, tx) : null)
            ?? throw ApiKeyConflicts.Unknown(idOrPrefix);
        connection.Execute("UPDATE api_keys SET revoked_at = @At WHERE id = @id AND revoked_at IS NULL", new { At = Json.Time(at), row.id }, tx);
        var revoked = connection.QuerySingle<Row>($"SELECT {Columns} FROM api_keys WHERE id = @id", new { row.id }, tx);
        tx.Commit();
        return Task.FromResult(revoked.ToRecord());
    }

    /// <inheritdoc />
    public Task MarkUsedAsync(IReadOnlyDictionary<long, DateTimeOffset> lastUsed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lastUsed);
        if (lastUsed.Count == 0) return Task.CompletedTask;
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var (id, at) in lastUsed)
        {
            // Times are stored in a sortable form, so MAX keeps the later of two replicas' reports.
            connection.Execute("UPDATE api_keys SET last_used_at = MAX(COALESCE(last_used_at, ''), @At) WHERE id = @id", new { id, At = Json.Time(at) }, tx);
        }
        tx.Commit();
        return Task.CompletedTask;
    }
}
