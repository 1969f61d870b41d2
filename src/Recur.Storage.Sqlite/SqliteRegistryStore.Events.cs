using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Storage.Sqlite;

/// <summary>The registry's deliberate changes (promote, rollback, tags) and its event history.</summary>
public sealed partial class SqliteRegistryStore
{
    private sealed record EventRow(long id, string model, string kind, string at, string actor, string reason, long? version, string? alias,
        long? previous_version, string? tag, string? tag_value, string metrics_json);

    /// <inheritdoc />
    public async Task<RegistryEvent> MoveAliasAsync(string model, string alias, int version, string kind, RegistryChange change, CancellationToken ct = default)
    {
        RegistryEvent recorded;
        using (var connection = db.Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            recorded = Move(connection, tx, model, alias, version, kind, change);
            tx.Commit();
        }
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> RollbackAsync(string model, string alias, RegistryChange change, CancellationToken ct = default)
    {
        RegistryEvent recorded;
        using (var connection = db.Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            var current = Current(connection, tx, model, alias) ?? throw RecurException.NotFound($"model '{model}' has no alias '{alias}' to roll back");
            var targets = Targets(connection, tx, model, alias);
            if (targets.Count < 2 || targets[^1] != current)
            {
                throw RecurException.NotFound($"alias '{alias}' of model '{model}' has no earlier target to roll back to (it points at version {current} and its history records none before)");
            }
            recorded = Move(connection, tx, model, alias, targets[^2], RegistryEventKinds.RolledBack, change);
            tx.Commit();
        }
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> SetTagAsync(string model, int version, string key, string value, RegistryChange change, CancellationToken ct = default)
    {
        RegistryEvent recorded;
        using (var connection = db.Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            var metrics = MetricsOf(connection, tx, model, version);
            connection.Execute(
                "INSERT INTO model_tags (model, version, key, value) VALUES (@model, @version, @key, @value) ON CONFLICT(model, version, key) DO UPDATE SET value = excluded.value",
                new { model, version, key, value }, tx);
            recorded = Append(connection, tx, new RegistryEvent(0, model, RegistryEventKinds.TagSet, time.GetUtcNow(), change.Actor, change.Reason, version, null, null, key, value, metrics));
            tx.Commit();
        }
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> RemoveTagAsync(string model, int version, string key, RegistryChange change, CancellationToken ct = default)
    {
        RegistryEvent recorded;
        using (var connection = db.Open())
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            var metrics = MetricsOf(connection, tx, model, version);
            if (connection.Execute("DELETE FROM model_tags WHERE model = @model AND version = @version AND key = @key", new { model, version, key }, tx) == 0)
            {
                throw RecurException.NotFound($"model '{model}' version {version} has no tag '{key}'");
            }
            recorded = Append(connection, tx, new RegistryEvent(0, model, RegistryEventKinds.TagRemoved, time.GetUtcNow(), change.Actor, change.Reason, version, null, null, key, null, metrics));
            tx.Commit();
        }
        await PublishAsync(recorded, ct);
        return recorded;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RegistryEvent>> EventsAsync(string model, string? alias = null, int? version = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<EventRow>(
            """
            SELECT * FROM registry_events WHERE model = @model AND (@alias IS NULL OR alias = @alias)
            AND (@version IS NULL OR version = @version OR previous_version = @version) ORDER BY id DESC
            """,
            new { model, alias, version });
        return Task.FromResult<IReadOnlyList<RegistryEvent>>([.. rows.Select(ToEvent)]);
    }

    // The alias's targets as its history left them: each move pushes its target, each rollback pops one.
    private static List<int> Targets(SqliteConnection connection, System.Data.IDbTransaction tx, string model, string alias)
    {
        var stack = new List<int>();
        var rows = connection.Query<(string kind, long version)>(
            "SELECT kind, version FROM registry_events WHERE model = @model AND alias = @alias AND version IS NOT NULL ORDER BY id", new { model, alias }, tx);
        foreach (var (kind, version) in rows)
        {
            if (kind == RegistryEventKinds.RolledBack) { if (stack.Count > 0) stack.RemoveAt(stack.Count - 1); }
            else if (stack.Count == 0 || stack[^1] != version) stack.Add((int)version);
        }
        return stack;
    }

    private RegistryEvent Move(SqliteConnection connection, System.Data.IDbTransaction tx, string model, string alias, int version, string kind, RegistryChange change)
    {
        var metrics = new Dictionary<string, double>(MetricsOf(connection, tx, model, version));
        var previous = Current(connection, tx, model, alias);
        if (previous is { } p)
        {
            foreach (var (k, m) in MetricsOf(connection, tx, model, p)) metrics["previous." + k] = m;
        }
        Upsert(connection, tx, model, alias, version);
        _logger.AliasMoved(model, alias, version, Name(previous));
        return Append(connection, tx, new RegistryEvent(0, model, kind, time.GetUtcNow(), change.Actor, change.Reason, version, alias, previous, null, null, metrics));
    }

    private static IReadOnlyDictionary<string, double> MetricsOf(SqliteConnection connection, System.Data.IDbTransaction tx, string model, int version) =>
        connection.ExecuteScalar<string?>("SELECT metrics_json FROM model_versions WHERE model = @model AND version = @version", new { model, version }, tx) is { } json
            ? Json.Read<Dictionary<string, double>>(json)
            : throw RecurException.NotFound($"model '{model}' has no version {version}");

    private static RegistryEvent Append(SqliteConnection connection, System.Data.IDbTransaction tx, RegistryEvent e)
    {
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO registry_events (model, kind, at, actor, reason, version, alias, previous_version, tag, tag_value, metrics_json)
            VALUES (@Model, @Kind, @At, @Actor, @Reason, @Version, @Alias, @PreviousVersion, @Tag, @TagValue, @Metrics) RETURNING id
            """,
            new { e.Model, e.Kind, At = Json.Time(e.At), e.Actor, e.Reason, e.Version, e.Alias, e.PreviousVersion, e.Tag, e.TagValue, Metrics = Json.Write(e.Metrics) }, tx);
        return e with { Id = id, At = Json.Time(Json.Time(e.At)) };
    }

    private async Task PublishAsync(RegistryEvent e, CancellationToken ct)
    {
        if (sink is not null) await sink.PublishAsync(e, ct);
    }

    private static RegistryEvent ToEvent(EventRow r) => new(
        r.id, r.model, r.kind, Json.Time(r.at), r.actor, r.reason, (int?)r.version, r.alias, (int?)r.previous_version, r.tag, r.tag_value,
        Json.Read<Dictionary<string, double>>(r.metrics_json));
}
