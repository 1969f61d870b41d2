using Dapper;
using Recur.Core.Monitoring;

namespace Recur.Storage.Sqlite;

/// <summary>Monitoring checkpoints in SQLite: one row per model, replaced in one transaction.</summary>
public sealed class SqliteMonitorCheckpoints(SqliteDatabase db) : IMonitorCheckpointStore
{
    private sealed record Row(string model, long prediction_seq, long feedback_seq, string fingerprint, string state, string written_at);

    /// <inheritdoc />
    public Task<MonitorCheckpoint?> ReadAsync(string model, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<Row>("SELECT * FROM monitor_checkpoints WHERE model = @model", new { model });
        return Task.FromResult(row is null ? null : new MonitorCheckpoint(row.model, new EventCursor(row.prediction_seq, row.feedback_seq), row.fingerprint, row.state, Json.Time(row.written_at)));
    }

    /// <inheritdoc />
    public Task WriteAsync(MonitorCheckpoint checkpoint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var connection = db.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        connection.Execute(
            """
            INSERT INTO monitor_checkpoints (model, prediction_seq, feedback_seq, fingerprint, state, written_at)
            VALUES (@Model, @P, @F, @Fingerprint, @State, @At)
            ON CONFLICT(model) DO UPDATE SET prediction_seq = excluded.prediction_seq, feedback_seq = excluded.feedback_seq,
                fingerprint = excluded.fingerprint, state = excluded.state, written_at = excluded.written_at
            """,
            new { checkpoint.Model, P = checkpoint.Cursor.Prediction, F = checkpoint.Cursor.Feedback, checkpoint.Fingerprint, checkpoint.State, At = Json.Time(checkpoint.WrittenAt) }, tx);
        tx.Commit();
        return Task.CompletedTask;
    }
}
