using Microsoft.Extensions.Logging;
using Recur.Core.Registry;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

/// <summary>The registry's log events: what was registered, where aliases moved, and races lost.</summary>
public sealed class SqliteLoggingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static NewModelVersion Version() => new("m", new string('a', 64),
        new ModelLineage(["s1"], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string>()), new Dictionary<string, double>(), "passed");

    [Fact]
    public async Task RegisterAndMoveAlias_LogVersionAliasAndLostRace()
    {
        var recorded = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorded).SetMinimumLevel(LogLevel.Information));
        var store = new SqliteRegistryStore(new SqliteDatabase(_dir.Path("recur.db")), TimeProvider.System, factory.CreateLogger<SqliteRegistryStore>());

        await store.RegisterAsync(Version(), "champion");
        await store.RegisterAsync(Version(), null);
        await store.MoveAliasIfAsync("m", "champion", 2, expected: 1);
        var lost = await store.MoveAliasIfAsync("m", "champion", 1, expected: 1);

        Assert.False(lost);
        Assert.Equal([8002, 8002, 8003, 8004], recorded.Entries.Select(e => e.Id.Id));
        Assert.Contains("Alias m@champion moved to version 2 (was version 1)", recorded.Entries.ElementAt(2).Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Warning, recorded.Entries.ElementAt(3).Level);
    }
}
