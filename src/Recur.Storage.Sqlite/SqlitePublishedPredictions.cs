using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core;
using Recur.Core.Serving;

namespace Recur.Storage.Sqlite;

/// <summary>
/// Published batch results in SQLite: a run's rows are written under its id while it is 'open', and one
/// transaction makes it 'current' and drops the model's previous run, so readers see the old run or
/// the new one, never a mix.
/// </summary>
public sealed class SqlitePublishedPredictions(SqliteDatabase db) : IPublishedPredictions
{
    private sealed record Row(string key, string model, long version, string label, double score, string? scores_json, string published_at);

    /// <inheritdoc />
    public Task<long> BeginAsync(string model, int version, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(connection.ExecuteScalar<long>(
            "INSERT INTO published_runs (model, version, state) VALUES (@model, @version, 'open') RETURNING run", new { model, version }));
    }

    /// <inheritdoc />
    public Task PutAsync(long run, IReadOnlyList<PublishedPrediction> predictions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        if (connection.ExecuteScalar<string?>("SELECT state FROM published_runs WHERE run = @run", new { run }, tx) != "open")
        {
            throw new RecurException(FailureKind.Conflict, $"published run {run} is not open");
        }
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "INSERT OR REPLACE INTO published_predictions (run, key, label, score, scores_json) VALUES ($r, $k, $l, $s, $j)";
        var parameters = new[] { "$r", "$k", "$l", "$s", "$j" }.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        parameters[0].Value = run;
        foreach (var p in predictions)
        {
            parameters[1].Value = p.Key;
            parameters[2].Value = p.Label;
            parameters[3].Value = p.Score;
            parameters[4].Value = p.Scores is null ? DBNull.Value : Json.Write(p.Scores);
            command.ExecuteNonQuery();
        }
        tx.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CompleteAsync(long run, DateTimeOffset at, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        var model = connection.ExecuteScalar<string?>("SELECT model FROM published_runs WHERE run = @run AND state = 'open'", new { run }, tx)
            ?? throw new RecurException(FailureKind.Conflict, $"published run {run} is not open");
        var older = new { model, run };
        connection.Execute("DELETE FROM published_predictions WHERE run IN (SELECT run FROM published_runs WHERE model = @model AND state = 'current' AND run <> @run)", older, tx);
        connection.Execute("DELETE FROM published_runs WHERE model = @model AND state = 'current' AND run <> @run", older, tx);
        connection.Execute("UPDATE published_runs SET state = 'current', published_at = @at WHERE run = @run", new { run, at = Json.Time(at) }, tx);
        tx.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AbandonAsync(long run, CancellationToken ct = default)
    {
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        connection.Execute("DELETE FROM published_predictions WHERE run = @run AND (SELECT state FROM published_runs WHERE run = @run) = 'open'", new { run }, tx);
        connection.Execute("DELETE FROM published_runs WHERE run = @run AND state = 'open'", new { run }, tx);
        tx.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<PublishedPrediction?> GetAsync(string model, string key, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var row = connection.QueryFirstOrDefault<Row>(
            """
            SELECT p.key, r.model, r.version, p.label, p.score, p.scores_json, r.published_at
            FROM published_runs r JOIN published_predictions p ON p.run = r.run
            WHERE r.model = @model AND r.state = 'current' AND p.key = @key
            """, new { model, key });
        return Task.FromResult(row is null ? null : new PublishedPrediction(row.key, row.model, (int)row.version, row.label, row.score,
            row.scores_json is null ? null : Json.Read<Dictionary<string, double>>(row.scores_json), Json.Time(row.published_at)));
    }
}
