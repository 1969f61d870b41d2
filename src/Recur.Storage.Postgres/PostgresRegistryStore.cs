using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Recur.Core.Registry;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>
/// Model versions, aliases and tags in PostgreSQL. Every change to a model runs in one transaction under the
/// model's advisory lock, so replicas registering together get distinct version numbers and compare-and-set alias
/// moves see one state; each change writes its <see cref="RegistryEvent"/> in the same transaction and goes to the
/// sink (webhooks), if any, once committed.
/// </summary>
public sealed partial class PostgresRegistryStore(
    PostgresDatabase db, TimeProvider time, ILogger<PostgresRegistryStore>? logger = null, RegistryActor? actor = null, IRegistryEventSink? sink = null)
    : IRegistryStore, IRegistryEvents
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private readonly RegistryActor _actor = actor ?? RegistryActor.Current();

    private sealed record Row(string model, long version, string artifact_sha256, DateTime created_at, string lineage_json, string metrics_json, string description);

    /// <inheritdoc />
    public async Task<ModelVersion> RegisterAsync(NewModelVersion v, string? alias, CancellationToken ct = default) =>
        (await PublishedAsync(await RegisterAsync(v, alias, conditional: false, expected: null, ct), ct))!;

    /// <inheritdoc />
    public async Task<ModelVersion?> RegisterIfAliasAsync(NewModelVersion v, string alias, int? expected, CancellationToken ct = default) =>
        await PublishedAsync(await RegisterAsync(v, alias, conditional: true, expected, ct), ct);

    /// <inheritdoc />
    public async Task<bool> MoveAliasIfAsync(string model, string alias, int version, int? expected, CancellationToken ct = default)
    {
        var recorded = await db.InTransactionAsync(Lock(model), async (c, tx) =>
        {
            var current = await CurrentAsync(c, tx, model, alias);
            if (current != expected)
            {
                _logger.AliasMovedMeanwhile(model, alias, Name(current), Name(expected));
                return null;
            }
            return await MoveAsync(c, tx, model, alias, version, RegistryEventKinds.AliasMoved, new RegistryChange(_actor.Name, "moved by the promotion gate"));
        }, ct);
        if (recorded is null) return false;
        await PublishAsync(recorded, ct);
        return true;
    }

    /// <inheritdoc />
    public async Task SetAliasAsync(string model, string alias, int version, CancellationToken ct = default) =>
        await MoveAliasAsync(model, alias, version, RegistryEventKinds.AliasMoved, new RegistryChange(_actor.Name, ""), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersion>> ListAsync(string? model = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<ModelVersion>>(async c =>
        {
            var aliases = await AliasesAsync(c, model);
            var tags = await TagsAsync(c, model, null);
            var rows = await c.QueryAsync<Row>(new CommandDefinition(
                "SELECT * FROM model_versions WHERE @model::text IS NULL OR model = @model ORDER BY model COLLATE \"C\", version", new { model }, cancellationToken: ct));
            return rows.Select(r => ToVersion(r, aliases, tags)).ToList();
        }, ct);

    /// <inheritdoc />
    public Task<ModelVersion?> FindAsync(string model, int version, CancellationToken ct = default) =>
        db.RunAsync(c => LoadAsync(c, null, model, version), ct);

    /// <inheritdoc />
    public Task<ModelVersion?> ResolveAliasAsync(string model, string alias, CancellationToken ct = default) =>
        db.RunAsync(async c => await CurrentAsync(c, null, model, alias) is { } v ? await LoadAsync(c, null, model, v) : null, ct);

    private static string Lock(string model) => "registry:" + model;

    private static string Name(int? version) => version is { } v ? $"version {v}" : "nowhere";

    private async Task<ModelVersion?> PublishedAsync((ModelVersion Version, RegistryEvent Event)? registered, CancellationToken ct)
    {
        if (registered is not { } r) return null;
        await PublishAsync(r.Event, ct);
        return r.Version;
    }

    private Task<(ModelVersion, RegistryEvent)?> RegisterAsync(NewModelVersion v, string? alias, bool conditional, int? expected, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(v);
        return db.InTransactionAsync<(ModelVersion, RegistryEvent)?>(Lock(v.Model), async (c, tx) =>
        {
            var previous = alias is null ? null : await CurrentAsync(c, tx, v.Model, alias);
            if (conditional && previous != expected)
            {
                _logger.AliasMovedMeanwhile(v.Model, alias!, Name(previous), Name(expected));
                return null;
            }
            var next = await c.ExecuteScalarAsync<long>("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = @Model", new { v.Model }, tx);
            var now = Json.Time(time.GetUtcNow());
            await c.ExecuteAsync(
                """
                INSERT INTO model_versions (model, version, artifact_sha256, created_at, lineage_json, metrics_json, description)
                VALUES (@Model, @Version, @ArtifactSha256, @CreatedAt, @Lineage, @Metrics, @Description)
                """,
                new { v.Model, Version = next, v.ArtifactSha256, CreatedAt = now, Lineage = Json.Write(v.Lineage), Metrics = Json.Write(v.Metrics), v.Description }, tx);
            if (alias is not null) await UpsertAsync(c, tx, v.Model, alias, next);
            var recorded = await AppendAsync(c, tx, new RegistryEvent(0, v.Model, RegistryEventKinds.Registered, now, _actor.Name, v.Description,
                (int)next, alias, previous, null, null, v.Metrics));
            _logger.VersionRegistered(v.Model, next, v.ArtifactSha256, alias is null ? "" : $", alias {alias}");
            return ((await LoadAsync(c, tx, v.Model, (int)next))!, recorded);
        }, ct);
    }

    private static async Task<int?> CurrentAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string model, string alias) =>
        (int?)await c.ExecuteScalarAsync<long?>("SELECT version FROM aliases WHERE model = @model AND alias = @alias", new { model, alias }, tx);

    private static Task UpsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, string model, string alias, long version) =>
        c.ExecuteAsync(
            "INSERT INTO aliases (model, alias, version) VALUES (@model, @alias, @version) ON CONFLICT (model, alias) DO UPDATE SET version = excluded.version",
            new { model, alias, version }, tx);

    private static async Task<ILookup<(string, long), string>> AliasesAsync(NpgsqlConnection c, string? model, NpgsqlTransaction? tx = null) =>
        (await c.QueryAsync<(string model, string alias, long version)>(
            "SELECT model, alias, version FROM aliases WHERE @model::text IS NULL OR model = @model ORDER BY alias COLLATE \"C\"", new { model }, tx))
        .ToLookup(a => (a.model, a.version), a => a.alias);

    private static async Task<ILookup<(string, long), (string Key, string Value)>> TagsAsync(NpgsqlConnection c, string? model, int? version, NpgsqlTransaction? tx = null) =>
        (await c.QueryAsync<(string model, long version, string key, string value)>(
            "SELECT model, version, key, value FROM model_tags WHERE (@model::text IS NULL OR model = @model) AND (@version::bigint IS NULL OR version = @version) ORDER BY key COLLATE \"C\"",
            new { model, version = (long?)version }, tx))
        .ToLookup(t => (t.model, t.version), t => (t.key, t.value));

    private static async Task<ModelVersion?> LoadAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string model, int version)
    {
        var row = await c.QuerySingleOrDefaultAsync<Row>("SELECT * FROM model_versions WHERE model = @model AND version = @version", new { model, version = (long)version }, tx);
        return row is null ? null : ToVersion(row, await AliasesAsync(c, model, tx), await TagsAsync(c, model, version, tx));
    }

    private static ModelVersion ToVersion(Row r, ILookup<(string, long), string> aliases, ILookup<(string, long), (string Key, string Value)> tags) => new(
        r.model, (int)r.version, r.artifact_sha256, Json.Time(r.created_at), Json.Read<ModelLineage>(r.lineage_json),
        Json.Read<Dictionary<string, double>>(r.metrics_json), r.description, aliases[(r.model, r.version)].ToList())
    {
        Tags = tags[(r.model, r.version)].ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
    };
}
