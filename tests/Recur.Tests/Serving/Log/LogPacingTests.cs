using Recur.Core.Serving;
using Recur.Serving.Log;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Serving.Log;

/// <summary>
/// How the prediction log paces its work (serving.log.drain_interval_ms): an append to an idle durable log is
/// committed on the caller's thread, and the store is written one batch per interval (sooner when enough waits or a
/// flush asks) instead of one transaction per answer, on a real SQLite store.
/// </summary>
public sealed class LogPacingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqlitePredictionLog Store() => new(new SqliteDatabase(_dir.Path("recur.db")));

    private PredictionLogOptions Options(bool fsync, TimeSpan interval, long eagerBytes = 1L << 20) =>
        new() { Directory = _dir.Path("log"), Fsync = fsync, DrainInterval = interval, DrainEagerBytes = eagerBytes };

    private static PredictionRecord Record(int i) => new($"k{i}", "m", 1, DateTimeOffset.UnixEpoch.AddSeconds(i), $$"""{"x":{{i}}}""", "yes", 0.5);

    [Fact]
    public async Task AppendAsync_OnAnIdleDurableLog_IsFsyncedBeforeItReturns()
    {
        await using var writer = new PredictionLogWriter(Store(), options: Options(fsync: true, TimeSpan.FromMilliseconds(100)));

        var append = writer.AppendAsync([Record(1)]);

        // No hand-off to the writer thread: the caller wrote and fsynced its own frame.
        Assert.True(append.IsCompletedSuccessfully);
        Assert.Equal((1, 1), (writer.Health.FramesWritten, writer.Health.FsyncBatches));
        await append;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Drain_LongInterval_StoresNothingUntilAFlushAsks(bool fsync)
    {
        var store = Store();
        await using var writer = new PredictionLogWriter(store, options: Options(fsync, TimeSpan.FromHours(1)));
        for (var i = 0; i < 5; i++) await writer.AppendAsync([Record(i)]);

        await Task.Delay(300);
        Assert.Empty(await store.ReadAsync("m"));

        await writer.FlushAsync();
        Assert.Equal(["k0", "k1", "k2", "k3", "k4"], (await store.ReadAsync("m")).Select(r => r.Key).Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Drain_EnoughBytesWaiting_StoresWithoutWaitingForTheInterval(bool fsync)
    {
        var store = Store();
        await using var writer = new PredictionLogWriter(store, options: Options(fsync, TimeSpan.FromHours(1), eagerBytes: 1));

        await writer.AppendAsync([Record(1)]);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.ReadAsync("m")).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal("k1", Assert.Single(await store.ReadAsync("m")).Key);
    }

    [Fact]
    public async Task Drain_ShortInterval_StoresWithoutAFlush()
    {
        var store = Store();
        await using var writer = new PredictionLogWriter(store, options: Options(fsync: true, TimeSpan.FromMilliseconds(20)));

        await writer.AppendAsync([Record(1)]);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.ReadAsync("m")).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Single(await store.ReadAsync("m"));
    }
}
