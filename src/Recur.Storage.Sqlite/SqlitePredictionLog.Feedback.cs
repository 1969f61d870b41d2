using Dapper;
using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Storage.Sqlite;

/// <summary>Feedback as an append-only event table (<c>feedback_events</c>, triggers refuse updates and deletes).</summary>
public sealed partial class SqlitePredictionLog
{
    private sealed record EventRow(long seq, string key, string label, string event_ts, string received_ts, string source);

    private sealed record FileRow(string sha256, string path, long rows, string ingested_at);

    /// <inheritdoc />
    public Task AddAsync(IReadOnlyList<FeedbackRecord> feedback, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        Insert(connection, tx, feedback, null, "api");
        tx.Commit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> AppendAsync(IReadOnlyList<FeedbackRecord> feedback, DateTimeOffset receivedAt, string source, FeedbackFile? file = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction();
        if (file is not null && connection.Execute(
                "INSERT INTO feedback_files (sha256, path, rows, ingested_at) VALUES (@Sha256, @Path, @Rows, @At) ON CONFLICT(sha256) DO NOTHING",
                new { file.Sha256, file.Path, file.Rows, At = Json.Time(file.IngestedAt) }, tx) == 0)
        {
            return Task.FromResult(false); // the same content was ingested before (a rename, or a rerun)
        }
        Insert(connection, tx, feedback, receivedAt, source);
        tx.Commit();
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackEvent>> ReadEventsAsync(long afterSeq = 0, IReadOnlyCollection<string>? keys = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        const string columns = "SELECT seq, key, label, event_ts, received_ts, source FROM feedback_events WHERE seq > @afterSeq";
        var rows = keys is null
            ? connection.Query<EventRow>(columns + " ORDER BY seq", new { afterSeq }).ToList()
            : keys.Chunk(500).SelectMany(chunk => connection.Query<EventRow>(columns + " AND key IN @chunk", new { afterSeq, chunk })).OrderBy(r => r.seq).ToList();
        return Task.FromResult<IReadOnlyList<FeedbackEvent>>(rows.Select(r =>
            new FeedbackEvent(r.seq, r.key, r.label, Json.Time(r.event_ts), Json.Time(r.received_ts), r.source)).ToList());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FeedbackFile>> ReadFilesAsync(CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<FileRow>("SELECT sha256, path, rows, ingested_at FROM feedback_files ORDER BY ingested_at, path");
        return Task.FromResult<IReadOnlyList<FeedbackFile>>(rows.Select(r => new FeedbackFile(r.sha256, r.path, (int)r.rows, Json.Time(r.ingested_at))).ToList());
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LabelledPrediction>> JoinAsync(string model, DateTimeOffset? since = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<(string key, string model, long version, string ts, string inputs_json, string label, double score, string? route, string? role, double? latency_ms, string? rules, string? surrogate_label, double? surrogate_score, string true_label, string label_ts)>(
            """
            SELECT p.key, p.model, p.version, p.ts, p.inputs_json, p.label, p.score, p.route, p.role, p.latency_ms, p.rules, p.surrogate_label, p.surrogate_score,
                   f.label AS true_label, f.event_ts AS label_ts
            FROM predictions p
            JOIN feedback_events f ON f.key = p.key AND f.seq = (SELECT MAX(seq) FROM feedback_events g WHERE g.key = p.key)
            WHERE p.model = @model AND p.ts >= @since
              AND p.seq = (SELECT MAX(seq) FROM predictions q WHERE q.model = p.model AND q.key = p.key AND (q.role IS NULL OR q.role <> 'shadow'))
            ORDER BY p.seq
            """,
            new { model, since = since is { } s ? Json.Time(s) : "" });
        return Task.FromResult<IReadOnlyList<LabelledPrediction>>(rows.Select(r => new LabelledPrediction(
            new PredictionRecord(r.key, r.model, (int)r.version, Json.Time(r.ts), r.inputs_json, r.label, r.score, r.route, r.role, r.latency_ms, r.rules, r.surrogate_label, r.surrogate_score), r.true_label)
        {
            LabelTime = Json.Time(r.label_ts),
        }).ToList());
    }

    private static void Insert(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction tx, IReadOnlyList<FeedbackRecord> feedback, DateTimeOffset? receivedAt, string source) =>
        connection.Execute(
            "INSERT INTO feedback_events (key, label, event_ts, received_ts, source) VALUES (@Key, @Label, @Ts, @Received, @Source)",
            feedback.Select(f => new { f.Key, f.Label, Ts = Json.Time(f.Timestamp), Received = Json.Time(receivedAt ?? f.Timestamp), Source = source }), tx);
}
