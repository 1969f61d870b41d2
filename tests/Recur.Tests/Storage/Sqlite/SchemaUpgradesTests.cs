using Microsoft.Data.Sqlite;
using Recur.Core.Serving;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class SchemaUpgradesTests
{
    [Fact]
    public async Task Open_DatabaseFromBeforeTheSurrogateColumns_KeepsOldRowsAndAddsTheColumns()
    {
        using var dir = new TempDir();
        var path = dir.Path("old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE predictions (seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, model TEXT NOT NULL, version INTEGER NOT NULL,
                    ts TEXT NOT NULL, inputs_json TEXT NOT NULL, label TEXT NOT NULL, score REAL NOT NULL);
                INSERT INTO predictions (key, model, version, ts, inputs_json, label, score) VALUES ('old', 'm', 1, '2026-01-01T00:00:00.0000000+00:00', '{}', 'yes', 0.9);
                """;
            command.ExecuteNonQuery();
        }
        var log = new SqlitePredictionLog(new SqliteDatabase(path));

        await log.AppendAsync([new PredictionRecord("new", "m", 1, DateTimeOffset.UnixEpoch.AddYears(56), "{}", "no", 0.3, SurrogateLabel: "yes", SurrogateScore: 0.6)]);
        var read = await log.ReadAsync("m");

        Assert.Equal(["old", "new"], read.Select(r => r.Key));
        Assert.Null(read[0].SurrogateLabel);
        Assert.Equal("yes", read[1].SurrogateLabel);
        SqliteConnection.ClearAllPools();
    }
}
