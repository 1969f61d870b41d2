using Dapper;
using Recur.Core.Runs;

namespace Recur.Storage.Sqlite;

/// <summary>Runs in SQLite: one row per run, its record as JSON, replaced as the run advances.</summary>
public sealed class SqliteRunStore(SqliteDatabase db) : IRunStore
{
    internal const string Ddl = """
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            kind TEXT NOT NULL,
            started_at TEXT NOT NULL,
            record_json TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS runs_model ON runs(model, started_at, id);
        """;

    /// <inheritdoc />
    public Task SaveAsync(RunRecord run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var connection = db.Open();
        connection.Execute(
            "INSERT INTO runs (id, model, kind, started_at, record_json) VALUES (@Id, @Model, @Kind, @At, @Record) ON CONFLICT(id) DO UPDATE SET record_json = excluded.record_json",
            new { run.Id, run.Model, run.Kind, At = Json.Time(run.Started), Record = Json.Write(Finite(run)) });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<RunRecord?> FindAsync(string id, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var json = connection.QuerySingleOrDefault<string>("SELECT record_json FROM runs WHERE id = @id", new { id });
        return Task.FromResult(json is null ? null : Json.Read<RunRecord>(json));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(string? model = null, CancellationToken ct = default)
    {
        using var connection = db.Open();
        var rows = connection.Query<string>("SELECT record_json FROM runs WHERE @model IS NULL OR model = @model ORDER BY started_at, id", new { model });
        return Task.FromResult<IReadOnlyList<RunRecord>>(rows.Select(Json.Read<RunRecord>).ToList());
    }

    // JSON has no NaN: a metric that could not be measured is left out rather than stored as a lie.
    private static RunRecord Finite(RunRecord run) => run with
    {
        Metrics = run.Metrics.Where(p => double.IsFinite(p.Value)).ToDictionary(),
        Baseline = run.Baseline.Where(p => double.IsFinite(p.Value)).ToDictionary(),
        Steps = run.Steps.Select(s => double.IsFinite(s.Seconds) ? s : s with { Seconds = 0 }).ToList(),
    };
}
