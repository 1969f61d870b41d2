using Dapper;
using Recur.Core.Registry;
using Recur.Storage.Sqlite;
using Recur.Tests.Storage.Compliance;

namespace Recur.Tests.Storage.Sqlite;

/// <summary>The registry events compliance suite against a real SQLite file, and the table's immutability.</summary>
public sealed class SqliteRegistryEventsComplianceTests : RegistryEventsCompliance, IDisposable
{
    private readonly TempDir _dir = new();

    protected override (IRegistryStore Registry, IRegistryEvents Events) NewStore(string actor, IRegistryEventSink? sink)
    {
        var store = new SqliteRegistryStore(new SqliteDatabase(_dir.Path($"{Guid.NewGuid():N}.db")), TimeProvider.System, null, new RegistryActor(actor), sink);
        return (store, store);
    }

    [Fact]
    public async Task RegistryEvents_UpdateOrDelete_IsRefusedByTheDatabase()
    {
        var db = new SqliteDatabase(_dir.Path("immutable.db"));
        var store = new SqliteRegistryStore(db, TimeProvider.System);
        await store.RegisterAsync(new NewModelVersion("m", new string('a', 64), new ModelLineage([], "c", "0", 1, "t", new Dictionary<string, string>()),
            new Dictionary<string, double>(), "d"), "champion");
        using var connection = db.Open();

        var update = Assert.ThrowsAny<Exception>(() => connection.Execute("UPDATE registry_events SET actor = 'mallory'"));
        var delete = Assert.ThrowsAny<Exception>(() => connection.Execute("DELETE FROM registry_events"));

        Assert.Contains("immutable", update.Message, StringComparison.Ordinal);
        Assert.Contains("immutable", delete.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
