using Dapper;
using Npgsql;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>Feedback as an append-only event table (<c>feedback_events</c>; a trigger refuses updates and deletes).</summary>
public sealed partial class PostgresPredictionLog
{
    private sealed record EventRow(long seq, string key, string label, DateTime event_ts, DateTime received_ts, string source);

    private sealed record FileRow(string sha256, string path, long rows, DateTime ingested_at);

    private sealed record JoinRow(string key, string model, long version, DateTime ts, string inputs_json, string label, double score, string? route, string? role,
        double? latency_ms, string? rules, string? surrogate_label, double? surrogate_score, string true_label, DateTime label_ts);

    /// <inheritdoc />
    public Task AddAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return db.InTransactionAsync("log:feedback", async (c, tx) => { await InsertAsync(c, tx, feedback, null, "api"); return true; }, ct);
    }

    /// <inheritdoc />
    public Task<bool> AppendAsync(IReadOnlyList<FeedbackRecord> feedback, DateTimeOffset receivedAt, string source, FeedbackFile? file = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        return db.InTransactionAsync("log:feedback", async (c, tx) =>
        {
            if (file is not null && await c.ExecuteAsync(
                    "INSERT INTO feedback_files (sha256, path, rows, ingested_at) VALUES (@Sha256, @Path, @Rows, @At) ON CONFLICT (sha256) DO NOTHING",
                    new { file.Sha256, file.Path, Rows = (long)file.Rows, At = Json.Time(file.IngestedAt) }, tx) == 0)
            {
                return false; // the same content was ingested before (a rename, or a rerun)
            }
            await InsertAsync(c, tx, feedback, receivedAt, source);
            return true;
        }, ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackEvent>> ReadEventsAsync(long afterSeq = 0, IReadOnlyCollection<string>? keys = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<FeedbackEvent>>(async c => (await c.QueryAsync<EventRow>(new CommandDefinition(
                "SELECT seq, key, label, event_ts, received_ts, source FROM feedback_events WHERE seq > @afterSeq AND (@keys::text[] IS NULL OR key = ANY(@keys)) ORDER BY seq",
                new { afterSeq, keys = keys?.ToArray() }, cancellationToken: ct)))
            .Select(r => new FeedbackEvent(r.seq, r.key, r.label, Json.Time(r.event_ts), Json.Time(r.received_ts), r.source)).ToList(), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackFile>> ReadFilesAsync(CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<FeedbackFile>>(async c => (await c.QueryAsync<FileRow>(new CommandDefinition(
                "SELECT sha256, path, rows, ingested_at FROM feedback_files ORDER BY ingested_at, path COLLATE \"C\"", cancellationToken: ct)))
            .Select(r => new FeedbackFile(r.sha256, r.path, (int)r.rows, Json.Time(r.ingested_at))).ToList(), ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<LabelledPrediction>> JoinAsync(string model, DateTimeOffset? since = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<LabelledPrediction>>(async c => (await c.QueryAsync<JoinRow>(new CommandDefinition(
                """
                SELECT p.key, p.model, p.version, p.ts, p.inputs_json, p.label, p.score, p.route, p.role, p.latency_ms, p.rules, p.surrogate_label, p.surrogate_score,
                       f.label AS true_label, f.event_ts AS label_ts
                FROM predictions p
                JOIN feedback_events f ON f.key = p.key AND f.seq = (SELECT MAX(seq) FROM feedback_events g WHERE g.key = p.key)
                WHERE p.model = @model AND (@since::timestamptz IS NULL OR p.ts >= @since)
                  AND p.seq = (SELECT MAX(seq) FROM predictions q WHERE q.model = p.model AND q.key = p.key AND (q.role IS NULL OR q.role <> 'shadow'))
                ORDER BY p.seq
                """,
                new { model, since = Json.Time(since) }, cancellationToken: ct)))
            .Select(r => new LabelledPrediction(
                new PredictionRecord(r.key, r.model, (int)r.version, Json.Time(r.ts), r.inputs_json, r.label, r.score, r.route, r.role, r.latency_ms, r.rules, r.surrogate_label, r.surrogate_score),
                r.true_label)
            {
                LabelTime = Json.Time(r.label_ts),
            }).ToList(), ct);

    private static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<FeedbackRecord> feedback, DateTimeOffset? receivedAt, string source) =>
        c.ExecuteAsync(
            "INSERT INTO feedback_events (key, label, event_ts, received_ts, source) SELECT k, l, e, r, @source FROM unnest(@keys, @labels, @events, @received) WITH ORDINALITY AS t(k, l, e, r, n) ORDER BY n",
            new
            {
                source,
                keys = feedback.Select(f => f.Key).ToArray(),
                labels = feedback.Select(f => f.Label).ToArray(),
                events = feedback.Select(f => Json.Time(f.Timestamp)).ToArray(),
                received = feedback.Select(f => Json.Time(receivedAt ?? f.Timestamp)).ToArray(),
            }, tx);
}
