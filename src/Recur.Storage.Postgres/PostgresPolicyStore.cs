using Dapper;
using Npgsql;
using Recur.Core;
using Recur.Core.Registry;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>
/// Decision policies beside model versions in PostgreSQL (table <c>decision_policies</c>, created with the registry's);
/// each change is a new row, numbered under the model's registry lock, so the history is the table.
/// </summary>
public sealed class PostgresPolicyStore(PostgresDatabase db, TimeProvider time) : IPolicyStore
{
    private sealed record Row(string model, long version, long revision, string policy_json, DateTime changed_at, string changed_by, string reason, string evidence_json);

    /// <inheritdoc />
    public Task<PolicyRevision> SetAsync(string model, int version, DecisionPolicy policy, string changedBy, string reason, IReadOnlyDictionary<string, double> evidence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(evidence);
        return db.InTransactionAsync("registry:" + model, async (c, tx) =>
        {
            if (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM model_versions WHERE model = @model AND version = @version", new { model, version = (long)version }, tx) == 0)
            {
                throw RecurException.NotFound($"model '{model}' has no version {version}");
            }
            var next = await c.ExecuteScalarAsync<long>(
                "SELECT COALESCE(MAX(revision), 0) + 1 FROM decision_policies WHERE model = @model AND version = @version", new { model, version = (long)version }, tx);
            // JSON has no NaN: a number that could not be measured is left out rather than stored as a lie.
            var finite = evidence.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value);
            await c.ExecuteAsync(
                """
                INSERT INTO decision_policies (model, version, revision, policy_json, changed_at, changed_by, reason, evidence_json)
                VALUES (@model, @version, @next, @Policy, @At, @changedBy, @reason, @Evidence)
                """,
                new { model, version = (long)version, next, Policy = Json.Write(policy), At = Json.Time(time.GetUtcNow()), changedBy, reason, Evidence = Json.Write(finite) }, tx);
            return (await ReadAsync(c, tx, model, version)).Last();
        }, ct);
    }

    /// <inheritdoc />
    public Task<PolicyRevision?> CurrentAsync(string model, int version, CancellationToken ct = default) =>
        db.RunAsync(async c => (await ReadAsync(c, null, model, version)).LastOrDefault(), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyRevision>> HistoryAsync(string model, int? version = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<PolicyRevision>>(async c => await ReadAsync(c, null, model, version), ct);

    private static async Task<List<PolicyRevision>> ReadAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string model, int? version) =>
        (await c.QueryAsync<Row>(
            "SELECT * FROM decision_policies WHERE model = @model AND (@version::bigint IS NULL OR version = @version) ORDER BY version, revision",
            new { model, version = (long?)version }, tx))
        .Select(r => new PolicyRevision(r.model, (int)r.version, (int)r.revision, Json.Read<DecisionPolicy>(r.policy_json), Json.Time(r.changed_at), r.changed_by, r.reason,
            Json.Read<Dictionary<string, double>>(r.evidence_json)))
        .ToList();
}
