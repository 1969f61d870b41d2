using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Storage.Sqlite;

/// <summary>Model versions and aliases in SQLite. The next version number is taken inside the insert's transaction.</summary>
public sealed class SqliteRegistryStore(SqliteDatabase db, TimeProvider time, ILogger<SqliteRegistryStore>? logger = null) : IRegistryStore
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    private sealed record Row(string model, long version, string artifact_sha256, string created_at, string lineage_json, string metrics_json, string description);

    /// <inheritdoc />
    public Task<ModelVersion> RegisterAsync(NewModelVersion v, string? alias, CancellationToken ct = default) =>
        Task.FromResult(Register(v, alias, conditional: false, expected: null)!);

    /// <inheritdoc />
    public Task<ModelVersion?> RegisterIfAliasAsync(NewModelVersion v, string alias, int? expected, CancellationToken ct = default) =>
        Task.FromResult(Register(v, alias, conditional: true, expected));

    /// <inheritdoc />
    public Task<bool> MoveAliasIfAsync(string model, string alias, int version, int? expected, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var current = Current(connection, tx, model, alias);
        if (current != expected)
        {
            _logger.AliasMovedMeanwhile(model, alias, Name(current), Name(expected));
            return Task.FromResult(false);
        }
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM model_versions WHERE model = @model AND version = @version", new { model, version }, tx) == 0)
        {
            throw RecurException.NotFound($"model '{model}' has no version {version}");
        }
        Upsert(connection, tx, model, alias, version);
        tx.Commit();
        _logger.AliasMoved(model, alias, version, Name(current));
        return Task.FromResult(true);
    }

    private static string Name(int? version) => version is { } v ? $"version {v}" : "nowhere";

    // BEGIN IMMEDIATE takes the write lock first, so the alias read and the insert see one state.
    private ModelVersion? Register(NewModelVersion v, string? alias, bool conditional, int? expected)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        if (conditional && Current(connection, tx, v.Model, alias!) is var current && current != expected)
        {
            _logger.AliasMovedMeanwhile(v.Model, alias!, Name(current), Name(expected));
            return null;
        }
        var next = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = @Model", new { v.Model }, tx);
        connection.Execute(
            """
            INSERT INTO model_versions (model, version, artifact_sha256, created_at, lineage_json, metrics_json, description)
            VALUES (@Model, @Version, @ArtifactSha256, @CreatedAt, @Lineage, @Metrics, @Description)
            """,
            new { v.Model, Version = next, v.ArtifactSha256, CreatedAt = Json.Time(time.GetUtcNow()), Lineage = Json.Write(v.Lineage), Metrics = Json.Write(v.Metrics), v.Description },
            tx);
        if (alias is not null) Upsert(connection, tx, v.Model, alias, next);
        tx.Commit();
        _logger.VersionRegistered(v.Model, next, v.ArtifactSha256, alias is null ? "" : $", alias {alias}");
        return Load(connection, v.Model, (int)next)!;
    }

    private static int? Current(Microsoft.Data.Sqlite.SqliteConnection connection, System.Data.IDbTransaction tx, string model, string alias) =>
        (int?)connection.ExecuteScalar<long?>("SELECT version FROM aliases WHERE model = @model AND alias = @alias", new { model, alias }, tx);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersion>> ListAsync(string? model = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var aliases = Aliases(connection, model);
        var rows = connection.Query<Row>("SELECT * FROM model_versions WHERE @model IS NULL OR model = @model ORDER BY model, version", new { model });
        return Task.FromResult<IReadOnlyList<ModelVersion>>(rows.Select(r => ToVersion(r, aliases)).ToList());
    }

    /// <inheritdoc />
    public Task<ModelVersion?> FindAsync(string model, int version, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(Load(connection, model, version));
    }

    /// <inheritdoc />
    public Task<ModelVersion?> ResolveAliasAsync(string model, string alias, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var version = connection.ExecuteScalar<long?>("SELECT version FROM aliases WHERE model = @model AND alias = @alias", new { model, alias });
        return Task.FromResult(version is { } v ? Load(connection, model, (int)v) : null);
    }

    /// <inheritdoc />
    public Task SetAliasAsync(string model, string alias, int version, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM model_versions WHERE model = @model AND version = @version", new { model, version }, tx) == 0)
        {
            throw RecurException.NotFound($"model '{model}' has no version {version}");
        }
        var previous = Current(connection, tx, model, alias);
        Upsert(connection, tx, model, alias, version);
        tx.Commit();
        _logger.AliasMoved(model, alias, version, Name(previous));
        return Task.CompletedTask;
    }

    private static void Upsert(Microsoft.Data.Sqlite.SqliteConnection connection, System.Data.IDbTransaction tx, string model, string alias, long version) =>
        connection.Execute(
            "INSERT INTO aliases (model, alias, version) VALUES (@model, @alias, @version) ON CONFLICT(model, alias) DO UPDATE SET version = excluded.version",
            new { model, alias, version }, tx);

    private static ILookup<(string, long), string> Aliases(Microsoft.Data.Sqlite.SqliteConnection connection, string? model) =>
        connection.Query<(string model, string alias, long version)>(
                "SELECT model, alias, version FROM aliases WHERE @model IS NULL OR model = @model ORDER BY alias", new { model })
            .ToLookup(a => (a.model, a.version), a => a.alias);

    private static ModelVersion? Load(Microsoft.Data.Sqlite.SqliteConnection connection, string model, int version)
    {
        var row = connection.QuerySingleOrDefault<Row>("SELECT * FROM model_versions WHERE model = @model AND version = @version", new { model, version });
        return row is null ? null : ToVersion(row, Aliases(connection, model));
    }

    private static ModelVersion ToVersion(Row r, ILookup<(string, long), string> aliases) => new(
        r.model, (int)r.version, r.artifact_sha256, Json.Time(r.created_at), Json.Read<ModelLineage>(r.lineage_json),
        Json.Read<Dictionary<string, double>>(r.metrics_json), r.description, aliases[(r.model, r.version)].ToList());
}
