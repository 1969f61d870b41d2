using Dapper;
using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Storage.Sqlite;

/// <summary>
/// The prediction log (<c>predictions.seq</c>) and the append-only feedback events (<c>feedback_events.seq</c>) read as one
/// replayable event log. A key's pair is its first answered prediction with its first feedback event.
/// </summary>
public sealed class SqliteMonitoringEventLog(SqliteDatabase db) : IMonitoringEventLog
{
    private sealed record Row(long seq, string key, string model, long version, string ts, string inputs_json, string label, double score, string? route, string? role);

    private sealed record PairRow(long seq, long fseq, string key, string model, long version, string ts, string label, double score, string? route, string? role, string true_label);

    private const string Answered = "(p.role IS NULL OR p.role <> 'shadow')";

    // "+p.model" keeps SQLite from choosing the (model, ts) index over the seq range, which would scan the model's
    // whole log for every page and make each run cost the size of the log rather than the new rows.

    // The first answered prediction of the key: later predictions of a key never take its label away.
    private const string FirstOfKey = "p.seq = (SELECT MIN(q.seq) FROM predictions q WHERE q.model = p.model AND q.key = p.key AND (q.role IS NULL OR q.role <> 'shadow'))";

    // The key's first label event: the feedback log is append-only, and a later (conflicting) label never changes a pair
    // already counted, so a replay and any sequence of incremental runs see the same pairs.
    private const string FirstLabel = "f.seq = (SELECT MIN(g.seq) FROM feedback_events g WHERE g.key = f.key)";

    private const string PairColumns = "p.seq, f.seq AS fseq, p.key, p.model, p.version, p.ts, p.label, p.score, p.route, p.role, f.label AS true_label";

    /// <inheritdoc />
    public Task<EventCursor> HeadAsync(CancellationToken ct = default)
    {
        using var connection = db.Open();
        var (predictions, feedback) = connection.QuerySingle<(long, long)>("SELECT COALESCE((SELECT MAX(seq) FROM predictions), 0), COALESCE((SELECT MAX(seq) FROM feedback_events), 0)");
        return Task.FromResult(new EventCursor(predictions, feedback));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LoggedPrediction>> ReadPredictionsAsync(string model, long afterSeq, long throughSeq, int limit, CancellationToken ct = default)
    {
        using var connection = OpenForScan();
        var rows = connection.Query<Row>(
            $"SELECT p.seq, p.key, p.model, p.version, p.ts, p.inputs_json, p.label, p.score, p.route, p.role FROM predictions p WHERE p.seq > @afterSeq AND p.seq <= @throughSeq AND +p.model = @model AND {Answered} ORDER BY p.seq LIMIT @limit",
            new { model, afterSeq, throughSeq, limit });
        return Task.FromResult<IReadOnlyList<LoggedPrediction>>(rows
            .Select(r => new LoggedPrediction(r.seq, new PredictionRecord(r.key, r.model, (int)r.version, Json.Time(r.ts), r.inputs_json, r.label, r.score, r.route, r.role)))
            .ToList());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LabelledEvent>> ReadLabelledAsync(string model, EventCursor from, EventCursor to, CancellationToken ct = default)
    {
        using var connection = OpenForScan();
        // New pairs: a new prediction with any feedback up to the head, or an old prediction with new feedback.
        var rows = connection.Query<PairRow>(
            $"""
            SELECT {PairColumns} FROM predictions p JOIN feedback_events f ON f.key = p.key
            WHERE p.seq > @p0 AND p.seq <= @p1 AND +p.model = @model AND {Answered} AND f.seq <= @f1 AND {FirstLabel} AND {FirstOfKey}
            UNION ALL
            SELECT {PairColumns} FROM feedback_events f CROSS JOIN predictions p ON p.key = f.key
            WHERE f.seq > @f0 AND f.seq <= @f1 AND {FirstLabel} AND p.model = @model AND {Answered} AND p.seq <= @p0 AND {FirstOfKey}
            ORDER BY 1
            """,
            new { model, p0 = from.Prediction, p1 = to.Prediction, f0 = from.Feedback, f1 = to.Feedback });
        return Task.FromResult<IReadOnlyList<LabelledEvent>>(rows
            .Select(r => new LabelledEvent(r.seq, r.fseq, new PredictionRecord(r.key, r.model, (int)r.version, Json.Time(r.ts), "", r.label, r.score, r.route, r.role), r.true_label))
            .ToList());
    }

    // A scan probes the key indexes once per row: a larger page cache than the default 2 MB keeps them in memory.
    private Microsoft.Data.Sqlite.SqliteConnection OpenForScan()
    {
        var connection = db.Open();
        connection.Execute("PRAGMA cache_size=-65536;");
        return connection;
    }

    /// <inheritdoc />
    public Task<long> CountPredictionsAsync(string model, long throughSeq, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(connection.ExecuteScalar<long>(
            $"SELECT COUNT(*) FROM predictions p WHERE p.seq <= @throughSeq AND p.model = @model AND {Answered}", new { model, throughSeq }));
    }

    /// <inheritdoc />
    public Task<long> SeqBeforeAsync(string model, DateTimeOffset time, CancellationToken ct = default)
    {
        using var connection = db.Open();
        return Task.FromResult(connection.ExecuteScalar<long?>(
            "SELECT MAX(seq) FROM predictions WHERE model = @model AND ts < @ts", new { model, ts = Json.Time(time) }) ?? 0);
    }
}
