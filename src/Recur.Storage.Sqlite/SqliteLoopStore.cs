using Dapper;
using Recur.Core.Monitoring;

namespace Recur.Storage.Sqlite;

/// <summary>The loop's audit trail in SQLite (table <c>loop_events</c>, append-only).</summary>
public sealed class SqliteLoopStore(SqliteDatabase db, TimeProvider time) : ILoopStore
{
    private sealed record Row(long id, string model, long tick, string at, string step, string what, string why, string numbers_json, long? version);

    /// <inheritdoc />
    public Task<LoopRecord> AppendAsync(NewLoopRecord record, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = db.Open();
        // JSON has no NaN: a number that could not be measured is left out rather than stored as a lie.
        var numbers = record.Numbers.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value);
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO loop_events (model, tick, at, step, what, why, numbers_json, version)
            VALUES (@Model, CASE WHEN @Tick = 0 THEN (SELECT COALESCE(MAX(id), 0) + 1 FROM loop_events) ELSE @Tick END, @At, @Step, @What, @Why, @Numbers, @Version);
            SELECT last_insert_rowid();
            """,
            new { record.Model, record.Tick, At = Json.Time(time.GetUtcNow()), record.Step, record.What, record.Why, Numbers = Json.Write(numbers), record.Version });
        return Task.FromResult(ToRecord(connection.QuerySingle<Row>("SELECT * FROM loop_events WHERE id = @id", new { id })));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LoopRecord>> HistoryAsync(string model, int limit = int.MaxValue, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<Row>("SELECT * FROM loop_events WHERE model = @model ORDER BY id DESC LIMIT @limit", new { model, limit = (long)limit });
        return Task.FromResult<IReadOnlyList<LoopRecord>>(rows.Reverse().Select(ToRecord).ToList());
    }

    private static LoopRecord ToRecord(Row r) =>
        new(r.id, r.model, r.tick, Json.Time(r.at), r.step, r.what, r.why, Json.Read<Dictionary<string, double>>(r.numbers_json), (int?)r.version);
}
