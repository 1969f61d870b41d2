using Dapper;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>
/// The prediction log (<c>predictions.seq</c>) and the append-only feedback events (<c>feedback_events.seq</c>) read as
/// one replayable event log. A key's pair is its first answered prediction with its first feedback event. Appends
/// commit in sequence order (<see cref="PostgresPredictionLog"/>), so a head read here never skips a row that
/// commits later.
/// </summary>
public sealed class PostgresMonitoringEventLog(PostgresDatabase db) : IMonitoringEventLog
{
    private sealed record Row(long seq, string key, string model, long version, DateTime ts, string inputs_json, string label, double score, string? route, string? role);

    private sealed record PairRow(long seq, long fseq, string key, string model, long version, DateTime ts, string label, double score, string? route, string? role, string true_label);

    private const string Answered = "(p.role IS NULL OR p.role <> 'shadow')";

    // The first answered prediction of the key: later predictions of a key never take its label away.
    private const string FirstOfKey = "p.seq = (SELECT MIN(q.seq) FROM predictions q WHERE q.model = p.model AND q.key = p.key AND (q.role IS NULL OR q.role <> 'shadow'))";

    // The key's first label event: a later (conflicting) label never changes a pair already counted.
    private const string FirstLabel = "f.seq = (SELECT MIN(g.seq) FROM feedback_events g WHERE g.key = f.key)";

    private const string PairColumns = "p.seq, f.seq AS fseq, p.key, p.model, p.version, p.ts, p.label, p.score, p.route, p.role, f.label AS true_label";

    /// <inheritdoc />
    public Task<EventCursor> HeadAsync(CancellationToken ct = default) =>
        db.RunAsync(async c =>
        {
            var (predictions, feedback) = await c.QuerySingleAsync<(long, long)>(new CommandDefinition(
                "SELECT COALESCE((SELECT MAX(seq) FROM predictions), 0), COALESCE((SELECT MAX(seq) FROM feedback_events), 0)", cancellationToken: ct));
            return new EventCursor(predictions, feedback);
        }, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<LoggedPrediction>> ReadPredictionsAsync(string model, long afterSeq, long throughSeq, int limit, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<LoggedPrediction>>(async c => (await c.QueryAsync<Row>(new CommandDefinition(
                $"SELECT p.seq, p.key, p.model, p.version, p.ts, p.inputs_json, p.label, p.score, p.route, p.role FROM predictions p WHERE p.seq > @afterSeq AND p.seq <= @throughSeq AND p.model = @model AND {Answered} ORDER BY p.seq LIMIT @limit",
                new { model, afterSeq, throughSeq, limit = (long)limit }, cancellationToken: ct)))
            .Select(r => new LoggedPrediction(r.seq, new PredictionRecord(r.key, r.model, (int)r.version, Json.Time(r.ts), r.inputs_json, r.label, r.score, r.route, r.role)))
            .ToList(), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<LabelledEvent>> ReadLabelledAsync(string model, EventCursor from, EventCursor to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        // New pairs: a new prediction with any feedback up to the head, or an old prediction with new feedback.
        return db.RunAsync<IReadOnlyList<LabelledEvent>>(async c => (await c.QueryAsync<PairRow>(new CommandDefinition(
                $"""
                SELECT {PairColumns} FROM predictions p JOIN feedback_events f ON f.key = p.key
                WHERE p.seq > @p0 AND p.seq <= @p1 AND p.model = @model AND {Answered} AND f.seq <= @f1 AND {FirstLabel} AND {FirstOfKey}
                UNION ALL
                SELECT {PairColumns} FROM feedback_events f JOIN predictions p ON p.key = f.key
                WHERE f.seq > @f0 AND f.seq <= @f1 AND {FirstLabel} AND p.model = @model AND {Answered} AND p.seq <= @p0 AND {FirstOfKey}
                ORDER BY 1
                """,
                new { model, p0 = from.Prediction, p1 = to.Prediction, f0 = from.Feedback, f1 = to.Feedback }, cancellationToken: ct)))
            .Select(r => new LabelledEvent(r.seq, r.fseq, new PredictionRecord(r.key, r.model, (int)r.version, Json.Time(r.ts), "", r.label, r.score, r.route, r.role), r.true_label))
            .ToList(), ct);
    }

    /// <inheritdoc />
    public Task<long> CountPredictionsAsync(string model, long throughSeq, CancellationToken ct = default) =>
        db.RunAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM predictions p WHERE p.seq <= @throughSeq AND p.model = @model AND {Answered}", new { model, throughSeq }, cancellationToken: ct)), ct);

    /// <inheritdoc />
    public Task<long> SeqBeforeAsync(string model, DateTimeOffset time, CancellationToken ct = default) =>
        db.RunAsync(async c => await c.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(seq) FROM predictions WHERE model = @model AND ts < @ts", new { model, ts = Json.Time(time) }, cancellationToken: ct)) ?? 0, ct);
}
