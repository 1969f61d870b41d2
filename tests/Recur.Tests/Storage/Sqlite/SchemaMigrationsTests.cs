using Dapper;
using Microsoft.Data.Sqlite;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SchemaMigrationsTests
{
    [Fact]
    public async Task Open_DatabaseWithoutTheRulesColumn_AddsItAndKeepsOldPredictions()
    {
        using var dir = new TempDir();
        var path = dir.Path("old.db");
        using (var old = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            old.Open();
            old.Execute("CREATE TABLE predictions (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, model TEXT NOT NULL, version INTEGER NOT NULL, ts TEXT NOT NULL, inputs_json TEXT NOT NULL, label TEXT NOT NULL, score REAL NOT NULL)");
            old.Execute("INSERT INTO predictions (key, model, version, ts, inputs_json, label, score) VALUES ('old', 'm', 1, '2026-01-01T00:00:00.0000000Z', '{}', 'no', 0.1)");
        }

        var log = new SqlitePredictionLog(new SqliteDatabase(path));
        await log.AppendAsync([new PredictionRecord("new", "m", 1, DateTimeOffset.UnixEpoch.AddYears(60), "{}", "no", 0.2, Rules: "abstain")]);

        var read = await log.ReadAsync("m");
        Assert.Equal([("old", null), ("new", "abstain")], read.Select(r => (r.Key, r.Rules)));
    }
}
