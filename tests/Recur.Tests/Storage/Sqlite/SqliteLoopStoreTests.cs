using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core.Monitoring;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SqliteLoopStoreTests
{
    [Fact]
    public async Task Append_TickAndSteps_ReadBackInOrderWithTheirTick()
    {
        using var dir = new TempDir();
        var time = new ManualClock();
        var store = new SqliteLoopStore(new SqliteDatabase(dir.Path("r.db")), time);

        var tick = await store.AppendAsync(new NewLoopRecord("m", 0, LoopSteps.TickStarted, "tick started", "test", new Dictionary<string, double>()));
        time.Now += TimeSpan.FromSeconds(5);
        await store.AppendAsync(new NewLoopRecord("m", tick.Tick, LoopSteps.Trigger, "drift: fired", "share 0.3", new Dictionary<string, double> { ["share"] = 0.3, ["p"] = double.NaN }, 2));
        await store.AppendAsync(new NewLoopRecord("other", 0, LoopSteps.TickStarted, "tick started", "test", new Dictionary<string, double>()));

        var history = await store.HistoryAsync("m");

        Assert.Equal(tick.Id, tick.Tick);
        Assert.Equal([LoopSteps.TickStarted, LoopSteps.Trigger], history.Select(r => r.Step));
        Assert.All(history, r => Assert.Equal(tick.Tick, r.Tick));
        Assert.Equal(new Dictionary<string, double> { ["share"] = 0.3 }, history[1].Numbers);
        Assert.Equal((time.GetUtcNow(), 2), (history[1].At, history[1].Version!.Value));
        Assert.Equal(LoopSteps.Trigger, Assert.Single(await store.HistoryAsync("m", limit: 1)).Step);
    }

    [Fact]
    public async Task Update_AuditRecord_IsRefused()
    {
        using var dir = new TempDir();
        var db = new SqliteDatabase(dir.Path("r.db"));
        await new SqliteLoopStore(db, TimeProvider.System).AppendAsync(new NewLoopRecord("m", 0, LoopSteps.TickStarted, "t", "w", new Dictionary<string, double>()));

        using var connection = db.Open();

        Assert.Throws<SqliteException>(() => connection.Execute("UPDATE loop_events SET why = 'rewritten'"));
        Assert.Throws<SqliteException>(() => connection.Execute("DELETE FROM loop_events"));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
