using Dapper;
using Npgsql;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Core.Runs;
using Recur.Storage.Postgres;

namespace Recur.Tests.Storage.Postgres;

/// <summary>The PostgreSQL versions of the SQLite-only store tests: the loop's audit trail, runs, and the tables the database keeps immutable.</summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public async Task LoopStore_TickAndSteps_ReadBackInOrderWithTheirTick()
    {
        var time = new ManualClock();
        var store = new PostgresLoopStore(new PostgresDatabase(PostgresTestServer.NewSchema()), time);

        var tick = await store.AppendAsync(new NewLoopRecord("m", 0, LoopSteps.TickStarted, "tick started", "test", new Dictionary<string, double>()));
        time.Now += TimeSpan.FromSeconds(5);
        await store.AppendAsync(new NewLoopRecord("m", tick.Tick, LoopSteps.Trigger, "drift: fired", "share 0.3", new Dictionary<string, double> { ["share"] = 0.3, ["p"] = double.NaN }, 2));
        var other = await store.AppendAsync(new NewLoopRecord("other", 0, LoopSteps.TickStarted, "tick started", "test", new Dictionary<string, double>()));

        var history = await store.HistoryAsync("m");

        Assert.Equal(tick.Id, tick.Tick);
        Assert.Equal(other.Id, other.Tick);
        Assert.Equal([LoopSteps.TickStarted, LoopSteps.Trigger], history.Select(r => r.Step));
        Assert.All(history, r => Assert.Equal(tick.Tick, r.Tick));
        Assert.Equal(new Dictionary<string, double> { ["share"] = 0.3 }, history[1].Numbers);
        Assert.Equal((time.GetUtcNow(), 2), (history[1].At, history[1].Version!.Value));
        Assert.Equal(LoopSteps.Trigger, Assert.Single(await store.HistoryAsync("m", limit: 1)).Step);
    }

    [Fact]
    public async Task RunStore_SaveThenFinish_ReplacesTheRecordAndListsInStartOrder()
    {
        var store = new PostgresRunStore(new PostgresDatabase(PostgresTestServer.NewSchema()));
        var t0 = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var first = new RunRecord("a", "m", "train", t0) { Snapshots = ["s1"] };
        await store.SaveAsync(new RunRecord("b", "m", "train", t0.AddMinutes(5)));
        await store.SaveAsync(first);
        await store.SaveAsync(new RunRecord("c", "other", "tune", t0));

        await store.SaveAsync(first with
        {
            Status = RunStatus.Finished, Finished = t0.AddSeconds(9), Metric = "auc",
            Metrics = new Dictionary<string, double> { ["auc"] = 0.9, ["brier"] = double.NaN },
            Steps = [new RunStep("fit lightgbm", "abc", CacheHit: true, 0.25)], Version = 3, Promoted = true,
        });

        Assert.Equal(["a", "b"], (await store.ListAsync("m")).Select(r => r.Id));
        var a = (await store.FindAsync("a"))!;
        Assert.Equal((RunStatus.Finished, 3, true), (a.Status, a.Version!.Value, a.Promoted));
        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.9 }, a.Metrics);
        Assert.Equal(new RunStep("fit lightgbm", "abc", true, 0.25), Assert.Single(a.Steps));
        Assert.Equal(3, (await store.ListAsync()).Count);
        Assert.Null(await store.FindAsync("missing"));
    }

    [Theory]
    [InlineData("registry_events", "immutable")]
    [InlineData("feedback_events", "append-only")]
    [InlineData("loop_events", "append-only")]
    public async Task AuditTables_UpdateDeleteOrTruncate_IsRefusedByTheDatabase(string table, string message)
    {
        var db = new PostgresDatabase(PostgresTestServer.NewSchema());
        await new PostgresRegistryStore(db, TimeProvider.System).RegisterAsync(new NewModelVersion("m", new string('a', 64),
            new ModelLineage([], "c", "0", 1, "t", new Dictionary<string, string>()), new Dictionary<string, double>(), "d"), "champion");
        await new PostgresPredictionLog(db).AddAsync([new FeedbackRecord("k", "yes", DateTimeOffset.UnixEpoch)]);
        await new PostgresLoopStore(db, TimeProvider.System).AppendAsync(new NewLoopRecord("m", 0, LoopSteps.TickStarted, "t", "w", new Dictionary<string, double>()));
        await using var connection = await db.OpenAsync();

        foreach (var sql in new[] { $"UPDATE {table} SET model = 'x'", $"DELETE FROM {table}", $"TRUNCATE {table}" })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql.Replace("SET model", table == "feedback_events" ? "SET label" : "SET model", StringComparison.Ordinal)));
            Assert.Contains(message, e.MessageText, StringComparison.Ordinal);
        }
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public async Task Schema_EveryStoresSteps_AppliedOnceByTwoReplicasStartingTogether()
    {
        var schema = PostgresTestServer.NewSchema();
        var replicas = Enumerable.Range(0, 3).Select(_ => new PostgresDatabase(schema)).ToList();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.EnsureSchemaAsync())));

        await using var connection = await replicas[0].OpenAsync();
        Assert.Equal(PostgresSchema.All.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM recur_schema"));
        Assert.Equal(PostgresSchema.All.Select(s => s.Module).Distinct().Count(), PostgresSchema.All.Count(s => s.Version == 1));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
