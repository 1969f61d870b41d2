using Microsoft.Win32.SafeHandles;
using Recur.Core;
using Recur.Core.Serving;
using Recur.Server.Observability;
using Recur.Serving.Log;
using Recur.Serving.Log.Internal;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Server.Observability;

/// <summary>
/// What /healthz learns from the durable prediction log: a disk that refuses writes degrades it now, a failure stays
/// reported for a minute after the disk works again, then no longer; a failing disk never makes the log "behind".
/// </summary>
public sealed class LogHealthWatchTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Failing_DiskFullThenWritableAgain_DegradedNowAndForAMinuteThenWell()
    {
        var io = new SwitchableIo();
        var clock = new ManualClock();
        var options = new PredictionLogOptions { Directory = _dir.Path("log"), Io = io };
        await using var log = new PredictionLogWriter(new SqlitePredictionLog(new SqliteDatabase(_dir.Path("recur.db"))), options: options);
        var watch = new LogHealthWatch(log, clock);
        await log.AppendAsync([Record(1)]);
        Assert.Null(watch.Failing());

        io.Full = true;
        var refused = await Assert.ThrowsAsync<RecurException>(() => log.AppendAsync([Record(2)]));
        Assert.NotNull(refused.RetryAfterSeconds);
        Assert.Contains("cannot be written", watch.Failing(), StringComparison.Ordinal);
        Assert.Null(watch.Behind());

        io.Full = false;
        await log.AppendAsync([Record(3)]);
        Assert.Contains("1 prediction-log write(s) failed", watch.Failing(), StringComparison.Ordinal);
        clock.Advance(LogHealthWatch.Window + TimeSpan.FromSeconds(1));
        Assert.Null(watch.Failing());
        Assert.Equal(1, log.Health.WriteFailures);
    }

    private static PredictionRecord Record(int i) => new($"k{i}", "m", 1, DateTimeOffset.UnixEpoch, "{}", "yes", 0.5);

    private sealed class SwitchableIo : ISegmentIo
    {
        public volatile bool Full;

        public SafeFileHandle Create(string path) => SegmentIo.Default.Create(path);

        public void Write(SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset)
        {
            if (Full) throw new IOException("No space left on device", 28);
            SegmentIo.Default.Write(file, buffers, offset);
        }

        public void Flush(SafeFileHandle file) => SegmentIo.Default.Flush(file);

        public void Truncate(SafeFileHandle file, long length) => SegmentIo.Default.Truncate(file, length);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
