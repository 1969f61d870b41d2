using Dapper;
using Npgsql;
using Recur.Core;
using Recur.Core.Security;

namespace Recur.Storage.Postgres;

/// <summary>API keys in PostgreSQL, hashed: one row per key, revoked ones kept (with their revocation time) for the record.</summary>
public sealed class PostgresApiKeyStore(PostgresDatabase db) : IApiKeyStore
{
    /// <summary>The <c>keys</c> module's schema steps (listed in <see cref="PostgresSchema.All"/>).</summary>
    public static IEnumerable<PostgresMigration> Schema => PostgresSchema.Steps("keys", """
        CREATE TABLE api_keys (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            name TEXT NOT NULL,
            prefix TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL UNIQUE,
            scopes TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL,
            revoked_at TIMESTAMPTZ,
            last_used_at TIMESTAMPTZ
        );
        CREATE UNIQUE INDEX api_keys_active_name ON api_keys(name) WHERE revoked_at IS NULL;
        """);

    private const string Columns = "id, name, prefix, hash, scopes, created_at, revoked_at, last_used_at";

    private sealed record Row(long id, string name, string prefix, string hash, string scopes, DateTime created_at, DateTime? revoked_at, DateTime? last_used_at)
    {
        public ApiKeyRecord ToRecord() => new(id, name, prefix, hash, ApiScopeNames.Parse(scopes, "api_keys.scopes"), Utc(created_at),
            revoked_at is { } r ? Utc(r) : null, last_used_at is { } u ? Utc(u) : null);

        private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
    }

    /// <inheritdoc />
    public async Task<ApiKeyRecord> CreateAsync(NewApiKey key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await db.OpenAsync(ct);
        try
        {
            var row = await connection.QuerySingleAsync<Row>(new CommandDefinition(
                $"INSERT INTO api_keys (name, prefix, hash, scopes, created_at) VALUES (@Name, @Prefix, @Hash, @Scopes, @At) RETURNING {Columns}",
                new { key.Name, key.Prefix, key.Hash, Scopes = ApiScopeNames.Format(key.Scopes), At = key.Created.UtcDateTime }, cancellationToken: ct));
            return row.ToRecord();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw ApiKeyConflicts.For(key, e.ConstraintName == "api_keys_active_name");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM api_keys ORDER BY id", cancellationToken: ct));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM api_keys WHERE hash = @hash", new { hash }, cancellationToken: ct));
        return row?.ToRecord();
    }

    /// <inheritdoc />
    public async Task<ApiKeyRecord> RevokeAsync(string idOrPrefix, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var id = long.TryParse(idOrPrefix, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        // A prefix match wins over an id: "12345678" is a prefix long before it is an id.
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @At)
            WHERE id = (SELECT id FROM api_keys WHERE prefix = @idOrPrefix OR id = @id ORDER BY (prefix = @idOrPrefix) DESC LIMIT 1)
            RETURNING {Columns}
            """,
            new { idOrPrefix, id, At = at.UtcDateTime }, cancellationToken: ct));
        return row?.ToRecord() ?? throw ApiKeyConflicts.Unknown(idOrPrefix);
    }

    /// <inheritdoc />
    public async Task MarkUsedAsync(IReadOnlyDictionary<long, DateTimeOffset> lastUsed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lastUsed);
        if (lastUsed.Count == 0) return;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE api_keys k SET last_used_at = GREATEST(k.last_used_at, u.at)
            FROM unnest(@Ids, @Ats) AS u(id, at) WHERE k.id = u.id
            """,
            new { Ids = lastUsed.Keys.ToArray(), Ats = lastUsed.Values.Select(v => v.UtcDateTime).ToArray() }, cancellationToken: ct));
    }
}
