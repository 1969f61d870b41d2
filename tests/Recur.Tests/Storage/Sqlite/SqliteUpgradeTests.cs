using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SqliteUpgradeTests
{
    [Fact]
    public async Task Open_DatabaseOfAnOlderRelease_GainsTheNewColumnsAndKeepsItsRows()
    {
        using var dir = new TempDir();
        var path = dir.Path("recur.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            old.Execute("""
                CREATE TABLE predictions (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, model TEXT NOT NULL, version INTEGER NOT NULL,
                    ts TEXT NOT NULL, inputs_json TEXT NOT NULL, label TEXT NOT NULL, score REAL NOT NULL);
                INSERT INTO predictions (key, model, version, ts, inputs_json, label, score) VALUES ('old', 'm', 1, '2026-01-01T00:00:00.0000000+00:00', '{}', 'yes', 0.9);
                """);
        }

        var log = new SqlitePredictionLog(new SqliteDatabase(path));
        await log.AppendAsync([new PredictionRecord("new", "m", 2, DateTimeOffset.UnixEpoch, "{}", "no", 0.1, "default", "phase1", 3)]);
        var read = await log.ReadAsync("m");

        Assert.Equal(["old", "new"], read.Select(r => r.Key));
        Assert.Null(read[0].Route);
        Assert.Equal(("default", "phase1", 3.0), (read[1].Route, read[1].Role, read[1].LatencyMs!.Value));
    }
}
