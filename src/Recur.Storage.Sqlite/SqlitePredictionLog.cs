using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Storage.Sqlite;

/// <summary>The prediction log and feedback in SQLite; the label join runs in SQL (see SqlitePredictionLog.Feedback.cs).</summary>
public sealed partial class SqlitePredictionLog(SqliteDatabase db) : IPredictionLog, IFeedbackStore
{
    private sealed record Row(string key, string model, long version, string ts, string inputs_json, string label, double score, string? route, string? role, double? latency_ms, string? rules, string? surrogate_label, double? surrogate_score);

    private const string Columns = "key, model, version, ts, inputs_json, label, score, route, role, latency_ms, rules, surrogate_label, surrogate_score";

    // Shadow copies are logged for the route comparison only; monitoring and feedback see what clients were answered.
    private const string Answered = "(role IS NULL OR role <> 'shadow')";

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return Task.CompletedTask;
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        // A record from the durable log carries its log id: stored again after a crash before the drain checkpoint, it is stored once.
        command.CommandText = "INSERT INTO predictions (key, model, version, ts, inputs_json, label, score, route, role, latency_ms, rules, surrogate_label, surrogate_score, log_id) VALUES ($k, $m, $v, $t, $i, $l, $s, $r, $o, $y, $u, $sl, $ss, $id) "
            + "ON CONFLICT (log_id) WHERE log_id IS NOT NULL DO NOTHING";
        var parameters = new[] { "$k", "$m", "$v", "$t", "$i", "$l", "$s", "$r", "$o", "$y", "$u", "$sl", "$ss", "$id" }.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        foreach (var r in records)
        {
            parameters[0].Value = r.Key;
            parameters[1].Value = r.Model;
            parameters[2].Value = r.Version;
            parameters[3].Value = Json.Time(r.Timestamp);
            parameters[4].Value = r.InputsJson;
            parameters[5].Value = r.Label;
            parameters[6].Value = r.Score;
            parameters[7].Value = (object?)r.Route ?? DBNull.Value;
            parameters[8].Value = (object?)r.Role ?? DBNull.Value;
            parameters[9].Value = r.LatencyMs is { } ms ? ms : DBNull.Value;
            parameters[10].Value = (object?)r.Rules ?? DBNull.Value;
            parameters[11].Value = (object?)r.SurrogateLabel ?? DBNull.Value;
            parameters[12].Value = r.SurrogateScore is { } surrogate ? surrogate : DBNull.Value;
            parameters[13].Value = (object?)r.LogId ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
        tx.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PredictionRecord>> ReadAsync(string model, DateTimeOffset? since = null, int limit = int.MaxValue, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<Row>(
            $"SELECT {Columns} FROM predictions WHERE model = @model AND ts >= @since AND {Answered} ORDER BY seq LIMIT @limit",
            new { model, since = since is { } s ? Json.Time(s) : "", limit });
        return Task.FromResult<IReadOnlyList<PredictionRecord>>(rows.Select(ToRecord).ToList());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PredictionRecord>> FindByKeysAsync(string model, IReadOnlyCollection<string> keys, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var found = new List<PredictionRecord>();
        foreach (var chunk in keys.Chunk(500))
        {
            found.AddRange(connection.Query<Row>(
                $"SELECT {Columns} FROM predictions WHERE model = @model AND key IN @chunk AND {Answered} ORDER BY seq",
                new { model, chunk }).Select(ToRecord));
        }
        return Task.FromResult<IReadOnlyList<PredictionRecord>>(found);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PredictionRecord>> ReadRouteAsync(string model, string route, DateTimeOffset? since = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<Row>(
            $"SELECT {Columns} FROM predictions WHERE model = @model AND route = @route AND ts >= @since ORDER BY seq",
            new { model, route, since = since is { } s ? Json.Time(s) : "" });
        return Task.FromResult<IReadOnlyList<PredictionRecord>>(rows.Select(ToRecord).ToList());
    }

    private static PredictionRecord ToRecord(Row r) => new(r.key, r.model, (int)r.version, Json.Time(r.ts), r.inputs_json, r.label, r.score, r.route, r.role, r.latency_ms, r.rules, r.surrogate_label, r.surrogate_score);
}
