using Dapper;
using Recur.Core.Runs;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>Runs in PostgreSQL: one row per run, its record as JSON, replaced as the run advances.</summary>
public sealed class PostgresRunStore(PostgresDatabase db) : IRunStore
{
    /// <summary>The module's schema steps.</summary>
    public static IEnumerable<PostgresMigration> Schema { get; } = PostgresSchema.Steps("runs", """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            kind TEXT NOT NULL,
            started_at TIMESTAMPTZ NOT NULL,
            record_json TEXT NOT NULL
        );
        CREATE INDEX runs_model ON runs (model, started_at, id);
        """);

    /// <inheritdoc />
    public Task SaveAsync(RunRecord run, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return db.RunAsync(c => c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO runs (id, model, kind, started_at, record_json) VALUES (@Id, @Model, @Kind, @At, @Record) ON CONFLICT (id) DO UPDATE SET record_json = excluded.record_json",
            new { run.Id, run.Model, run.Kind, At = Json.Time(run.Started), Record = Json.Write(Finite(run)) }, cancellationToken: ct)), ct);
    }

    /// <inheritdoc />
    public Task<RunRecord?> FindAsync(string id, CancellationToken ct = default) =>
        db.RunAsync(async c => await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition("SELECT record_json FROM runs WHERE id = @id", new { id }, cancellationToken: ct)) is { } json
            ? Json.Read<RunRecord>(json)
            : null, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(string? model = null, CancellationToken ct = default) =>
        db.RunAsync<IReadOnlyList<RunRecord>>(async c => (await c.QueryAsync<string>(new CommandDefinition(
            "SELECT record_json FROM runs WHERE @model::text IS NULL OR model = @model ORDER BY started_at, id COLLATE \"C\"", new { model }, cancellationToken: ct)))
            .Select(Json.Read<RunRecord>).ToList(), ct);

    // JSON has no NaN: a metric that could not be measured is left out rather than stored as a lie.
    private static RunRecord Finite(RunRecord run) => run with
    {
        Metrics = run.Metrics.Where(p => double.IsFinite(p.Value)).ToDictionary(),
        Baseline = run.Baseline.Where(p => double.IsFinite(p.Value)).ToDictionary(),
        Steps = run.Steps.Select(s => double.IsFinite(s.Seconds) ? s : s with { Seconds = 0 }).ToList(),
    };
}
