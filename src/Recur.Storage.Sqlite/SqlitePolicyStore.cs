using Dapper;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Storage.Sqlite;

/// <summary>Decision policies beside model versions in SQLite; each change is a new row, so the history is the table.</summary>
public sealed class SqlitePolicyStore(SqliteDatabase db, TimeProvider time) : IPolicyStore
{
    private sealed record Row(string model, long version, long revision, string policy_json, string changed_at, string changed_by, string reason, string evidence_json);

    /// <inheritdoc />
    public Task<PolicyRevision> SetAsync(string model, int version, DecisionPolicy policy, string changedBy, string reason, IReadOnlyDictionary<string, double> evidence, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(evidence);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM model_versions WHERE model = @model AND version = @version", new { model, version }, tx) == 0)
        {
            throw RecurException.NotFound($"model '{model}' has no version {version}");
        }
        var next = connection.ExecuteScalar<long>("SELECT COALESCE(MAX(revision), 0) + 1 FROM decision_policies WHERE model = @model AND version = @version", new { model, version }, tx);
        // JSON has no NaN: a number that could not be measured is left out rather than stored as a lie.
        var finite = evidence.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value);
        connection.Execute(
            """
            INSERT INTO decision_policies (model, version, revision, policy_json, changed_at, changed_by, reason, evidence_json)
            VALUES (@model, @version, @next, @Policy, @At, @changedBy, @reason, @Evidence)
            """,
            new { model, version, next, Policy = Json.Write(policy), At = Json.Time(time.GetUtcNow()), changedBy, reason, Evidence = Json.Write(finite) }, tx);
        tx.Commit();
        return Task.FromResult(Read(connection, model, version).Last());
    }

    /// <inheritdoc />
    public Task<PolicyRevision?> CurrentAsync(string model, int version, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(Read(connection, model, version).LastOrDefault());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyRevision>> HistoryAsync(string model, int? version = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult<IReadOnlyList<PolicyRevision>>(Read(connection, model, version));
    }

    private static List<PolicyRevision> Read(Microsoft.Data.Sqlite.SqliteConnection connection, string model, int? version) =>
        connection.Query<Row>("SELECT * FROM decision_policies WHERE model = @model AND (@version IS NULL OR version = @version) ORDER BY version, revision", new { model, version })
            .Select(r => new PolicyRevision(r.model, (int)r.version, (int)r.revision, Json.Read<DecisionPolicy>(r.policy_json), Json.Time(r.changed_at), r.changed_by, r.reason,
                Json.Read<Dictionary<string, double>>(r.evidence_json)))
            .ToList();
}
