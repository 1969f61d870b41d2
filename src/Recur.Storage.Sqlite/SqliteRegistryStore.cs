using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Storage.Sqlite;

/// <summary>
/// Model versions, aliases and tags in SQLite. The next version number is taken inside the insert's transaction, and
/// every change writes its <see cref="RegistryEvent"/> in the same transaction; the event then goes to the sink
/// (webhooks), if any, once committed.
/// </summary>
public sealed partial class SqliteRegistryStore(
    SqliteDatabase db, TimeProvider time, ILogger<SqliteRegistryStore>? logger = null, RegistryActor? actor = null, IRegistryEventSink? sink = null)
    : IRegistryStore, IRegistryEvents
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly RegistryActor _actor = actor ?? RegistryActor.Current();

    private sealed record Row(string model, long version, string artifact_sha256, string created_at, string lineage_json, string metrics_json, string description);

    /// <inheritdoc />
    public async Task<ModelVersion> RegisterAsync(NewModelVersion v, string? alias, CancellationToken ct = default) =>
        (await PublishedAsync(Register(v, alias, conditional: false, expected: null), ct))!;

    /// <inheritdoc />
    public Task<ModelVersion?> RegisterIfAliasAsync(NewModelVersion v, string alias, int? expected, CancellationToken ct = default) =>
        PublishedAsync(Register(v, alias, conditional: true, expected), ct);

    /// <inheritdoc />
    public async Task<bool> MoveAliasIfAsync(string model, string alias, int version, int? expected, CancellationToken ct = default)
    {
        RegistryEvent recorded;
        using (var connection = db.Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            var current = Current(connection, tx, model, alias);
            if (current != expected)
            {
                _logger.AliasMovedMeanwhile(model, alias, Name(current), Name(expected));
                return false;
            }
            recorded = Move(connection, tx, model, alias, version, RegistryEventKinds.AliasMoved, new RegistryChange(_actor.Name, "moved by the promotion gate"));
            tx.Commit();
        }
        await PublishAsync(recorded, ct);
        return true;
    }

    /// <inheritdoc />
    public async Task SetAliasAsync(string model, string alias, int version, CancellationToken ct = default) =>
        await MoveAliasAsync(model, alias, version, RegistryEventKinds.AliasMoved, new RegistryChange(_actor.Name, ""), ct);

    private static string Name(int? version) => version is { } v ? $"version {v}" : "nowhere";

    private async Task<ModelVersion?> PublishedAsync((ModelVersion Version, RegistryEvent Event)? registered, CancellationToken ct)
    {
        if (registered is not { } r) return null;
        await PublishAsync(r.Event, ct);
        return r.Version;
    }

    // BEGIN IMMEDIATE takes the write lock first, so the alias read and the insert see one state.
    private (ModelVersion, RegistryEvent)? Register(NewModelVersion v, string? alias, bool conditional, int? expected)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var previous = alias is null ? null : Current(connection, tx, v.Model, alias);
        if (conditional && previous != expected)
        {
            _logger.AliasMovedMeanwhile(v.Model, alias!, Name(previous), Name(expected));
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
        var recorded = Append(connection, tx, new RegistryEvent(0, v.Model, RegistryEventKinds.Registered, time.GetUtcNow(), _actor.Name, v.Description,
            (int)next, alias, previous, null, null, v.Metrics));
        tx.Commit();
        _logger.VersionRegistered(v.Model, next, v.ArtifactSha256, alias is null ? "" : $", alias {alias}");
        return (Load(connection, v.Model, (int)next)!, recorded);
    }

    private static int? Current(SqliteConnection connection, System.Data.IDbTransaction tx, string model, string alias) =>
        (int?)connection.ExecuteScalar<long?>("SELECT version FROM aliases WHERE model = @model AND alias = @alias", new { model, alias }, tx);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersion>> ListAsync(string? model = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var aliases = Aliases(connection, model);
        var tags = Tags(connection, model, null);
        var rows = connection.Query<Row>("SELECT * FROM model_versions WHERE @model IS NULL OR model = @model ORDER BY model, version", new { model });
        return Task.FromResult<IReadOnlyList<ModelVersion>>(rows.Select(r => ToVersion(r, aliases, tags)).ToList());
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

    private static void Upsert(SqliteConnection connection, System.Data.IDbTransaction tx, string model, string alias, long version) =>
        connection.Execute(
            "INSERT INTO aliases (model, alias, version) VALUES (@model, @alias, @version) ON CONFLICT(model, alias) DO UPDATE SET version = excluded.version",
            new { model, alias, version }, tx);

    private static ILookup<(string, long), string> Aliases(SqliteConnection connection, string? model) =>
        connection.Query<(string model, string alias, long version)>(
                "SELECT model, alias, version FROM aliases WHERE @model IS NULL OR model = @model ORDER BY alias", new { model })
            .ToLookup(a => (a.model, a.version), a => a.alias);

    private static ILookup<(string, long), (string Key, string Value)> Tags(SqliteConnection connection, string? model, int? version) =>
        connection.Query<(string model, long version, string key, string value)>(
                "SELECT model, version, key, value FROM model_tags WHERE (@model IS NULL OR model = @model) AND (@version IS NULL OR version = @version) ORDER BY key",
                new { model, version })
            .ToLookup(t => (t.model, t.version), t => (t.key, t.value));

    private static ModelVersion? Load(SqliteConnection connection, string model, int version)
    {
        var row = connection.QuerySingleOrDefault<Row>("SELECT * FROM model_versions WHERE model = @model AND version = @version", new { model, version });
        return row is null ? null : ToVersion(row, Aliases(connection, model), Tags(connection, model, version));
    }

    private static ModelVersion ToVersion(Row r, ILookup<(string, long), string> aliases, ILookup<(string, long), (string Key, string Value)> tags) => new(
        r.model, (int)r.version, r.artifact_sha256, Json.Time(r.created_at), Json.Read<ModelLineage>(r.lineage_json),
        Json.Read<Dictionary<string, double>>(r.metrics_json), r.description, aliases[(r.model, r.version)].ToList())
    {
        Tags = tags[(r.model, r.version)].ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
    };
}
