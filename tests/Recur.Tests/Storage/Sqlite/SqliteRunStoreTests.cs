using Recur.Core.Runs;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SqliteRunStoreTests
{
    [Fact]
    public async Task Save_ThenFinish_ReplacesTheRecordAndListsInStartOrder()
    {
        using var dir = new TempDir();
        var store = new SqliteRunStore(new SqliteDatabase(dir.Path("r.db")));
        var t0 = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var second = new RunRecord("b", "m", "train", t0.AddMinutes(5));
        var first = new RunRecord("a", "m", "train", t0) { Snapshots = ["s1"] };
        await store.SaveAsync(second);
        await store.SaveAsync(first);
        await store.SaveAsync(new RunRecord("c", "other", "tune", t0));

        await store.SaveAsync(first with
        {
            Status = RunStatus.Finished, Finished = t0.AddSeconds(9), Metric = "auc",
            Metrics = new Dictionary<string, double> { ["auc"] = 0.9, ["auc_low"] = 0.88, ["brier"] = double.NaN },
            Steps = [new RunStep("fit lightgbm", "abc", CacheHit: true, 0.25)], Version = 3, Promoted = true,
        });

        var runs = await store.ListAsync("m");
        Assert.Equal(["a", "b"], runs.Select(r => r.Id));
        var a = (await store.FindAsync("a"))!;
        Assert.Equal((RunStatus.Finished, 3, true), (a.Status, a.Version!.Value, a.Promoted));
        Assert.Equal(new Dictionary<string, double> { ["auc"] = 0.9, ["auc_low"] = 0.88 }, a.Metrics);
        Assert.Equal(new RunStep("fit lightgbm", "abc", true, 0.25), Assert.Single(a.Steps));
        Assert.Equal(["s1"], a.Snapshots);
        Assert.Equal(3, (await store.ListAsync()).Count);
        Assert.Null(await store.FindAsync("missing"));
    }
}
