using Dapper;
using Recur.Core;
using Recur.Core.Serving;
using Recur.Storage.Postgres.Internal;

namespace Recur.Storage.Postgres;

/// <summary>
/// Published batch results in PostgreSQL: a run's rows are written under its id while it is 'open', and one
/// transaction makes it 'current' and drops the model's previous run, so readers see the old run or the new
/// one, never a mix.
/// </summary>
public sealed class PostgresPublishedPredictions(PostgresDatabase db) : IPublishedPredictions
{
    /// <summary>The module's schema steps.</summary>
    public static IEnumerable<PostgresMigration> Schema { get; } = PostgresSchema.Steps("published", """
        CREATE TABLE published_runs (
            run BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            model TEXT NOT NULL,
            version BIGINT NOT NULL,
            state TEXT NOT NULL,
            published_at TIMESTAMPTZ
        );
        CREATE INDEX published_runs_model ON published_runs (model, state);
        CREATE TABLE published_predictions (
            run BIGINT NOT NULL,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            score DOUBLE PRECISION NOT NULL,
            scores_json TEXT,
            PRIMARY KEY (run, key)
        );
        """);

    private sealed record Row(string key, string model, long version, string label, double score, string? scores_json, DateTime published_at);

    /// <inheritdoc />
    public Task<long> BeginAsync(string model, int version, CancellationToken ct = default) =>
        db.RunAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO published_runs (model, version, state) VALUES (@model, @version, 'open') RETURNING run", new { model, version = (long)version }, cancellationToken: ct)), ct);

    /// <inheritdoc />
    public Task PutAsync(long run, IReadOnlyList<PublishedPrediction> predictions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return db.InTransactionAsync("published:" + run, async (c, tx) =>
        {
            if (await c.ExecuteScalarAsync<string?>("SELECT state FROM published_runs WHERE run = @run FOR SHARE", new { run }, tx) != "open")
            {
                throw new RecurException(FailureKind.Conflict, $"published run {run} is not open");
            }
            // The last row of a key wins, as a replace would: unnest keeps the order, DISTINCT ON keeps the last.
            await c.ExecuteAsync(
                """
                INSERT INTO published_predictions (run, key, label, score, scores_json)
                SELECT DISTINCT ON (k) @run, k, l, s, j FROM unnest(@keys, @labels, @scores, @json) WITH ORDINALITY AS t(k, l, s, j, n) ORDER BY k, n DESC
                ON CONFLICT (run, key) DO UPDATE SET label = excluded.label, score = excluded.score, scores_json = excluded.scores_json
                """,
                new
                {
                    run,
                    keys = predictions.Select(p => p.Key).ToArray(),
                    labels = predictions.Select(p => p.Label).ToArray(),
                    scores = predictions.Select(p => p.Score).ToArray(),
                    json = predictions.Select(p => p.Scores is null ? null : Json.Write(p.Scores)).ToArray(),
                }, tx);
            return true;
        }, ct);
    }

    /// <inheritdoc />
    public Task CompleteAsync(long run, DateTimeOffset at, CancellationToken ct = default) =>
        db.RunAsync(async c =>
        {
            var model = await c.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT model FROM published_runs WHERE run = @run", new { run }, cancellationToken: ct))
                ?? throw new RecurException(FailureKind.Conflict, $"published run {run} is not open");
            await using var tx = await c.BeginTransactionAsync(ct);
            await c.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = "published-model:" + model }, tx);
            if (await c.ExecuteScalarAsync<string?>("SELECT state FROM published_runs WHERE run = @run FOR UPDATE", new { run }, tx) != "open")
            {
                throw new RecurException(FailureKind.Conflict, $"published run {run} is not open");
            }
            var older = new { model, run };
            await c.ExecuteAsync("DELETE FROM published_predictions WHERE run IN (SELECT run FROM published_runs WHERE model = @model AND state = 'current' AND run <> @run)", older, tx);
            await c.ExecuteAsync("DELETE FROM published_runs WHERE model = @model AND state = 'current' AND run <> @run", older, tx);
            await c.ExecuteAsync("UPDATE published_runs SET state = 'current', published_at = @at WHERE run = @run", new { run, at = Json.Time(at) }, tx);
            await tx.CommitAsync(ct);
        }, ct);

    /// <inheritdoc />
    public Task AbandonAsync(long run, CancellationToken ct = default) =>
        db.InTransactionAsync("published:" + run, async (c, tx) =>
        {
            await c.ExecuteAsync("DELETE FROM published_predictions WHERE run = @run AND (SELECT state FROM published_runs WHERE run = @run) = 'open'", new { run }, tx);
            await c.ExecuteAsync("DELETE FROM published_runs WHERE run = @run AND state = 'open'", new { run }, tx);
            return true;
        }, ct);

    /// <inheritdoc />
    public Task<PublishedPrediction?> GetAsync(string model, string key, CancellationToken ct = default) =>
        db.RunAsync(async c => await c.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT p.key, r.model, r.version, p.label, p.score, p.scores_json, r.published_at
            FROM published_runs r JOIN published_predictions p ON p.run = r.run
            WHERE r.model = @model AND r.state = 'current' AND p.key = @key
            """, new { model, key }, cancellationToken: ct)) is { } row
            ? new PublishedPrediction(row.key, row.model, (int)row.version, row.label, row.score,
                row.scores_json is null ? null : Json.Read<Dictionary<string, double>>(row.scores_json), Json.Time(row.published_at))
            : null, ct);
}
