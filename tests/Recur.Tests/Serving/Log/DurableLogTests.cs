using Recur.Core;
using Recur.Core.Serving;
using Recur.Serving.Log;
using Recur.Serving.Log.Internal;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Serving.Log;

/// <summary>
/// The durable prediction log (<c>serving.log.durability: fsync</c>) on a real SQLite store: group commit, draining,
/// rotation, recovery of a crashed process's frames, idempotent redrain, back-pressure and a disk that refuses writes.
/// </summary>
public sealed class DurableLogTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private SqlitePredictionLog Store() => new(new SqliteDatabase(_dir.Path("recur.db")));

    private PredictionLogOptions Options(ISegmentIo? io = null, long segmentBytes = 64L << 20, long maxPending = 256L << 20) =>
        new() { Directory = _dir.Path("log"), Io = io ?? SegmentIo.Default, SegmentBytes = segmentBytes, MaxPendingBytes = maxPending };

    private static PredictionRecord Record(int i) => new($"k{i}", "m", 1, DateTimeOffset.UnixEpoch.AddSeconds(i), $$"""{"x":{{i}}}""", i % 2 == 0 ? "yes" : "no", i / 1000.0);

    [Fact]
    public async Task AppendAsync_ManyConcurrentAppends_FewerFsyncsThanAppendsAndEveryRecordStored()
    {
        var io = new CountingIo(flushDelay: TimeSpan.FromMilliseconds(5));
        var store = Store();
        await using (var writer = new PredictionLogWriter(store, options: Options(io)))
        {
            await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => writer.AppendAsync([Record(i)]))));
            await writer.FlushAsync();

            Assert.Equal(200, writer.Health.FramesWritten);
            Assert.InRange(writer.Health.FsyncBatches, 1, 199);
            Assert.Equal(writer.Health.FsyncBatches, io.Flushes);
            Assert.Equal(0, writer.Health.PendingBytes);
        }
        var stored = await store.ReadAsync("m");
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"k{i}").Order(), stored.Select(r => r.Key).Order());
    }

    [Fact]
    public async Task AppendAsync_CompletesOnlyAfterItsFsync()
    {
        var io = new CountingIo(flushDelay: TimeSpan.Zero);
        await using var writer = new PredictionLogWriter(Store(), options: Options(io));

        await writer.AppendAsync([Record(1)]);

        Assert.Equal(1, io.Flushes);
        Assert.Equal(1, writer.Health.FramesWritten);
    }

    [Fact]
    public async Task Drain_SmallSegments_RotatesAndDeletesDrainedSegments()
    {
        var store = Store();
        await using (var writer = new PredictionLogWriter(store, options: Options(segmentBytes: 300)))
        {
            for (var i = 0; i < 20; i++) await writer.AppendAsync([Record(i)]);
            await writer.FlushAsync();

            // Each record is about 120 bytes: several segments were written, only the current one is left.
            var folder = writer.DurableFolder!;
            Assert.Single(Directory.GetFiles(folder, "*.seg"));
            Assert.Equal(0, writer.Health.PendingBytes);
        }
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"k{i}"), (await store.ReadAsync("m")).Select(r => r.Key));
    }

    [Fact]
    public async Task Start_FramesLeftByACrashWithATornTail_DrainsTheWholeFramesAndCutsTheTail()
    {
        // A crashed server's folder: two whole frames, then half a frame; no checkpoint, no live lock.
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path("log"), "0123456789ab")).FullName;
        var whole = LogFrame.Encode([Record(1), Record(2)]);
        var torn = LogFrame.Encode([Record(3)]);
        File.WriteAllBytes(Path.Combine(folder, "0000000001.seg"), [.. whole, .. torn[..^4]]);
        var store = Store();

        await using (var writer = new PredictionLogWriter(store, options: Options()))
        {
            await writer.FlushAsync();

            Assert.Equal(folder, writer.DurableFolder);
            Assert.Equal(torn.Length - 4, writer.Health.TornBytesCut);
        }
        Assert.Equal(["k1", "k2"], (await store.ReadAsync("m")).Select(r => r.Key));
    }

    [Fact]
    public async Task Start_CrashBetweenInsertAndCheckpoint_StoresEachRecordOnce()
    {
        var store = Store();
        string folder;
        await using (var writer = new PredictionLogWriter(store, options: Options()))
        {
            for (var i = 0; i < 5; i++) await writer.AppendAsync([Record(i)]);
            await writer.FlushAsync();
            folder = writer.DurableFolder!;
        }
        // The checkpoint never made it: the next start drains the same frames again.
        File.Delete(Path.Combine(folder, "checkpoint"));

        await using (var writer = new PredictionLogWriter(store, options: Options()))
        {
            await writer.FlushAsync();
        }
        Assert.Equal(5, (await store.ReadAsync("m")).Count);
    }

    [Fact]
    public async Task AppendAsync_DiskFull_Refuses503WithRetryAfterAndCountsTheFailure()
    {
        var io = new CountingIo(flushDelay: TimeSpan.Zero) { Full = true };
        var store = Store();
        await using var writer = new PredictionLogWriter(store, options: Options(io));

        var refused = await Assert.ThrowsAsync<RecurException>(() => writer.AppendAsync([Record(1)]));

        Assert.Equal(FailureKind.Unavailable, refused.Kind);
        Assert.Equal(1, refused.RetryAfterSeconds);
        Assert.Contains("No space left on device", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, writer.Health.WriteFailures);
        Assert.False(writer.Health.Accepting);

        // Space again: the next prediction is logged and stored; the refused one never was.
        io.Full = false;
        await writer.AppendAsync([Record(2)]);
        await writer.FlushAsync();
        Assert.True(writer.Health.Accepting);
        Assert.Equal(["k2"], (await store.ReadAsync("m")).Select(r => r.Key));
    }

    [Fact]
    public async Task AppendAsync_StoreBehindPastMaxPending_Refuses503UntilItCatchesUp()
    {
        var store = new GatedStore();
        await using var writer = new PredictionLogWriter(store, options: Options(maxPending: 100));

        await writer.AppendAsync([Record(1)]); // fsynced; the store does not take it yet
        var refused = await Assert.ThrowsAsync<RecurException>(() => writer.AppendAsync([Record(2)]));

        Assert.Equal(FailureKind.Unavailable, refused.Kind);
        Assert.NotNull(refused.RetryAfterSeconds);
        Assert.Contains("serving.log.max_pending_mb", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, writer.Health.Rejected);

        store.Open.SetResult();
        await writer.FlushAsync();
        await writer.AppendAsync([Record(3)]);
        await writer.FlushAsync();
        Assert.Equal(["k1", "k3"], store.Stored.Select(r => r.Key));
    }

    [Fact]
    public async Task Start_SecondWriterOnTheSameFolder_ClaimsItsOwnSubFolder()
    {
        await using var first = new PredictionLogWriter(Store(), options: Options());
        await using var second = new PredictionLogWriter(Store(), options: Options());

        Assert.NotEqual(first.DurableFolder, second.DurableFolder);
    }

    /// <summary>Real file operations that count fsyncs, can be slowed down, and can behave like a full disk.</summary>
    private sealed class CountingIo(TimeSpan flushDelay) : ISegmentIo
    {
        private int _flushes;

        public int Flushes => Volatile.Read(ref _flushes);

        public volatile bool Full;

        public Microsoft.Win32.SafeHandles.SafeFileHandle Create(string path) => SegmentIo.Default.Create(path);

        public void Write(Microsoft.Win32.SafeHandles.SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset)
        {
            if (Full) throw new IOException("No space left on device : '" + file + "'", 28);
            SegmentIo.Default.Write(file, buffers, offset);
        }

        public void Flush(Microsoft.Win32.SafeHandles.SafeFileHandle file)
        {
            Thread.Sleep(flushDelay);
            Interlocked.Increment(ref _flushes);
            SegmentIo.Default.Flush(file);
        }

        public void Truncate(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length) => SegmentIo.Default.Truncate(file, length);
    }

    /// <summary>A store that takes nothing until it is opened.</summary>
    private sealed class GatedStore : IPredictionLog
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<PredictionRecord> Stored { get; } = [];

        public async Task AppendAsync(IReadOnlyList<PredictionRecord> records, CancellationToken ct = default)
        {
            await Open.Task;
            lock (Stored) Stored.AddRange(records);
        }

        public Task<IReadOnlyList<PredictionRecord>> ReadAsync(string model, DateTimeOffset? since = null, int limit = int.MaxValue, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PredictionRecord>> FindByKeysAsync(string model, IReadOnlyCollection<string> keys, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<PredictionRecord>> ReadRouteAsync(string model, string route, DateTimeOffset? since = null, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
