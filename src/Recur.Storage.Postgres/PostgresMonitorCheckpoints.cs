using Dapper;
using Recur.Core.Monitoring;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>Monitoring checkpoints in PostgreSQL: one row per model, replaced in one statement.</summary>
public sealed class PostgresMonitorCheckpoints(PostgresDatabase db) : IMonitorCheckpointStore
{
    /// <summary>The module's schema steps.</summary>
    public static IEnumerable<PostgresMigration> Schema { get; } = PostgresSchema.Steps("monitoring", """
        CREATE TABLE monitor_checkpoints (
            model TEXT PRIMARY KEY,
            prediction_seq BIGINT NOT NULL,
            feedback_seq BIGINT NOT NULL,
            fingerprint TEXT NOT NULL,
            state TEXT NOT NULL,
            written_at TIMESTAMPTZ NOT NULL
        );
        """);

    private sealed record Row(string model, long prediction_seq, long feedback_seq, string fingerprint, string state, DateTime written_at);

    /// <inheritdoc />
    public Task<MonitorCheckpoint?> ReadAsync(string model, CancellationToken ct = default) =>
        db.RunAsync(async c => await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("SELECT * FROM monitor_checkpoints WHERE model = @model", new { model }, cancellationToken: ct)) is { } row
            ? new MonitorCheckpoint(row.model, new EventCursor(row.prediction_seq, row.feedback_seq), row.fingerprint, row.state, Json.Time(row.written_at))
            : null, ct);

    /// <inheritdoc />
    public Task WriteAsync(MonitorCheckpoint checkpoint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return db.RunAsync(c => c.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO monitor_checkpoints (model, prediction_seq, feedback_seq, fingerprint, state, written_at)
            VALUES (@Model, @P, @F, @Fingerprint, @State, @At)
            ON CONFLICT (model) DO UPDATE SET prediction_seq = excluded.prediction_seq, feedback_seq = excluded.feedback_seq,
                fingerprint = excluded.fingerprint, state = excluded.state, written_at = excluded.written_at
            """,
            new { checkpoint.Model, P = checkpoint.Cursor.Prediction, F = checkpoint.Cursor.Feedback, checkpoint.Fingerprint, checkpoint.State, At = Json.Time(checkpoint.WrittenAt) },
            cancellationToken: ct)), ct);
    }
}
