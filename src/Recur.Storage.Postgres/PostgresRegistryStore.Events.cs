using Dapper;
using Npgsql;
using Recur.Core;
using Recur.Core.Registry;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>The registry's deliberate changes (promote, rollback, tags) and its event history.</summary>
public sealed partial class PostgresRegistryStore
{
    private sealed record EventRow(long id, string model, string kind, DateTime at, string actor, string reason, long? version, string? alias,
        long? previous_version, string? tag, string? tag_value, string metrics_json);

    /// <inheritdoc />
    public async Task<RegistryEvent> MoveAliasAsync(string model, string alias, int version, string kind, RegistryChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recorded = await db.InTransactionAsync(Lock(model), (c, tx) => MoveAsync(c, tx, model, alias, version, kind, change), ct);
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> RollbackAsync(string model, string alias, RegistryChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recorded = await db.InTransactionAsync(Lock(model), async (c, tx) =>
        {
            var current = await CurrentAsync(c, tx, model, alias) ?? throw RecurException.NotFound($"model '{model}' has no alias '{alias}' to roll back");
            var targets = await TargetsAsync(c, tx, model, alias);
            if (targets.Count < 2 || targets[^1] != current)
            {
                throw RecurException.NotFound($"alias '{alias}' of model '{model}' has no earlier target to roll back to (it points at version {current} and its history records none before)");
            }
            return await MoveAsync(c, tx, model, alias, targets[^2], RegistryEventKinds.RolledBack, change);
        }, ct);
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> SetTagAsync(string model, int version, string key, string value, RegistryChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recorded = await db.InTransactionAsync(Lock(model), async (c, tx) =>
        {
            var metrics = await MetricsOfAsync(c, tx, model, version);
            await c.ExecuteAsync(
                "INSERT INTO model_tags (model, version, key, value) VALUES (@model, @version, @key, @value) ON CONFLICT (model, version, key) DO UPDATE SET value = excluded.value",
                new { model, version = (long)version, key, value }, tx);
            return await AppendAsync(c, tx, new RegistryEvent(0, model, RegistryEventKinds.TagSet, time.GetUtcNow(), change.Actor, change.Reason, version, null, null, key, value, metrics));
        }, ct);
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> RemoveTagAsync(string model, int version, string key, RegistryChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var recorded = await db.InTransactionAsync(Lock(model), async (c, tx) =>
        {
            var metrics = await MetricsOfAsync(c, tx, model, version);
            if (await c.ExecuteAsync("DELETE FROM model_tags WHERE model = @model AND version = @version AND key = @key", new { model, version = (long)version, key }, tx) == 0)
            {
                throw RecurException.NotFound($"model '{model}' version {version} has no tag '{key}'");
            }
            return await AppendAsync(c, tx, new RegistryEvent(0, model, RegistryEventKinds.TagRemoved, time.GetUtcNow(), change.Actor, change.Reason, version, null, null, key, null, metrics));
        }, ct);
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RegistryEvent>> EventsAsync(string model, string? alias = null, int? version = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<RegistryEvent>>(async c => [.. (await c.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT * FROM registry_events WHERE model = @model AND (@alias::text IS NULL OR alias = @alias)
            AND (@version::bigint IS NULL OR version = @version OR previous_version = @version) ORDER BY id DESC
            """,
            new { model, alias, version = (long?)version }, cancellationToken: ct))).Select(ToEvent)], ct);

    // The alias's targets as its history left them: each move pushes its target, each rollback pops one.
    private static async Task<List<int>> TargetsAsync(NpgsqlConnection c, NpgsqlTransaction tx, string model, string alias)
    {
        var stack = new List<int>();
        var rows = await c.QueryAsync<(string kind, long version)>(
            "SELECT kind, version FROM registry_events WHERE model = @model AND alias = @alias AND version IS NOT NULL ORDER BY id", new { model, alias }, tx);
        foreach (var (kind, version) in rows)
        {
            if (kind == RegistryEventKinds.RolledBack) { if (stack.Count > 0) stack.RemoveAt(stack.Count - 1); }
            else if (stack.Count == 0 || stack[^1] != version) stack.Add((int)version);
        }
        return stack;
    }

    private async Task<RegistryEvent> MoveAsync(NpgsqlConnection c, NpgsqlTransaction tx, string model, string alias, int version, string kind, RegistryChange change)
    {
        var metrics = new Dictionary<string, double>(await MetricsOfAsync(c, tx, model, version));
        var previous = await CurrentAsync(c, tx, model, alias);
        if (previous is { } p)
        {
            foreach (var (k, m) in await MetricsOfAsync(c, tx, model, p)) metrics["previous." + k] = m;
        }
        await UpsertAsync(c, tx, model, alias, version);
        _logger.AliasMoved(model, alias, version, Name(previous));
        return await AppendAsync(c, tx, new RegistryEvent(0, model, kind, time.GetUtcNow(), change.Actor, change.Reason, version, alias, previous, null, null, metrics));
    }

    private static async Task<IReadOnlyDictionary<string, double>> MetricsOfAsync(NpgsqlConnection c, NpgsqlTransaction tx, string model, int version) =>
        await c.ExecuteScalarAsync<string?>("SELECT metrics_json FROM model_versions WHERE model = @model AND version = @version", new { model, version = (long)version }, tx) is { } json
            ? Json.Read<Dictionary<string, double>>(json)
            : throw RecurException.NotFound($"model '{model}' has no version {version}");

    private static async Task<RegistryEvent> AppendAsync(NpgsqlConnection c, NpgsqlTransaction tx, RegistryEvent e)
    {
        var at = Json.Time(e.At);
        var id = await c.ExecuteScalarAsync<long>(
            """
            INSERT INTO registry_events (model, kind, at, actor, reason, version, alias, previous_version, tag, tag_value, metrics_json)
            VALUES (@Model, @Kind, @At, @Actor, @Reason, @Version, @Alias, @PreviousVersion, @Tag, @TagValue, @Metrics) RETURNING id
            """,
            new { e.Model, e.Kind, At = at, e.Actor, e.Reason, Version = (long?)e.Version, e.Alias, PreviousVersion = (long?)e.PreviousVersion, e.Tag, e.TagValue, Metrics = Json.Write(e.Metrics) }, tx);
        return e with { Id = id, At = at };
    }

    private async Task PublishAsync(RegistryEvent e, CancellationToken ct)
    {
        if (sink is not null) await sink.PublishAsync(e, ct);
    }

    private static RegistryEvent ToEvent(EventRow r) => new(
        r.id, r.model, r.kind, Json.Time(r.at), r.actor, r.reason, (int?)r.version, r.alias, (int?)r.previous_version, r.tag, r.tag_value,
        Json.Read<Dictionary<string, double>>(r.metrics_json));
}
