using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core.Monitoring;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SqliteFeedbackEventsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task FeedbackEvents_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        var db = new SqliteDatabase(_dir.Path("recur.db"));
        await new SqlitePredictionLog(db).AddAsync([new FeedbackRecord("k", "yes", DateTimeOffset.UnixEpoch)]);
        using var connection = db.Open();

        var update = Assert.Throws<SqliteException>(() => connection.Execute("UPDATE feedback_events SET label = 'no'"));
        var delete = Assert.Throws<SqliteException>(() => connection.Execute("DELETE FROM feedback_events"));

        Assert.Contains("append-only", update.Message);
        Assert.Contains("append-only", delete.Message);
    }

    [Fact]
    public async Task Open_LabelsOfTheOldFeedbackTable_BecomeTheFirstEventsOnce()
    {
        var path = _dir.Path("old.db");
        using (var connection = new SqliteDatabase(path).Open())
        {
            connection.Execute("INSERT INTO feedback (key, label, ts) VALUES ('a', 'yes', '2026-01-01T00:00:00.0000000Z'), ('b', 'no', '2026-01-02T00:00:00.0000000Z')");
        }
        SqliteConnection.ClearAllPools();

        var reopened = new SqlitePredictionLog(new SqliteDatabase(path));
        var again = new SqlitePredictionLog(new SqliteDatabase(path));

        Assert.Equal(["a", "b"], (await reopened.ReadEventsAsync()).Select(e => e.Key));
        Assert.Equal(2, (await again.ReadEventsAsync()).Count);
    }
}
