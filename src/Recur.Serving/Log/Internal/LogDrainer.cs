using System.Globalization;
using Microsoft.Extensions.Logging;
using Recur.Core.Serving;

namespace Recur.Serving.Log.Internal;

/// <summary>
/// Moves fsynced frames from the local log into the store in big batches, oldest first. Each record carries its log id
/// (instance:segment:offset) so a batch stored again after a crash before the checkpoint is stored once. After each batch
/// the checkpoint is written (temp + rename); a segment behind the checkpoint is deleted. A batch the store refuses stays
/// in the local log and is retried with a growing pause. Batches are taken one drain interval apart (or at once when
/// enough waits, a flush asks, or the server stops), so a lightly loaded server does not pay a store transaction per answer.
/// </summary>
internal sealed class LogDrainer
{
    private const int MaxBatchRecords = 4096;
    private const int MaxBatchBytes = 8 << 20;
    private readonly IPredictionLog _store;
    private readonly LogDirectory _directory;
    private readonly Func<LogPosition> _durableEnd;
    private readonly LogCounters _counters;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly List<(LogPosition Target, TaskCompletionSource Done)> _waiters = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FoundFrame> _frames = [];
    private readonly TimeSpan _interval;
    private readonly long _eagerBytes;
    private LogPosition _position;
    private Task _loop = Task.CompletedTask;

    public LogDrainer(IPredictionLog store, LogDirectory directory, LogPosition start, Func<LogPosition> durableEnd, LogCounters counters, ILogger logger,
        TimeSpan interval, long eagerBytes)
    {
        (_store, _directory, _position, _durableEnd, _counters, _logger) = (store, directory, start, durableEnd, counters, logger);
        (_interval, _eagerBytes) = (interval, eagerBytes);
    }

    /// <summary>Where draining has reached: every frame before it is in the store.</summary>
    public LogPosition Position
    {
        get { lock (_waiters) return _position; }
    }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Wakes the drainer now.</summary>
    public void Nudge()
    {
        if (_signal.CurrentCount == 0) _signal.Release();
    }

    /// <summary>More frames are fsynced: wakes the drainer when enough waits (or there is no interval), else the interval will.</summary>
    public void Written()
    {
        if (Eager()) Nudge();
    }

    private bool Eager()
    {
        if (_interval <= TimeSpan.Zero || _counters.PendingBytes >= _eagerBytes || _stop.IsCancellationRequested) return true;
        lock (_waiters) return _waiters.Count > 0;
    }

    /// <summary>Completes once every frame before <paramref name="target"/> is in the store, or a try to store it failed.</summary>
    public Task WaitAsync(LogPosition target)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_position >= target) return Task.CompletedTask;
            _waiters.Add((target, done));
        }
        Nudge();
        return done.Task;
    }

    private async Task RunAsync()
    {
        var failures = 0;
        while (true)
        {
            bool moved;
            try
            {
                moved = await DrainOnceAsync();
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref _counters.DrainFailures);
                _logger.LogDrainFailed(Position.ToString(), e);
                ReleaseWaiters(all: true);
                if (_stop.IsCancellationRequested) return;
                failures++;
                await Pause(TimeSpan.FromMilliseconds(Math.Min(10_000, 100 * (1 << Math.Min(failures, 7)))));
                continue;
            }
            if (moved && (Position < _durableEnd() ? Eager() : _stop.IsCancellationRequested)) continue;
            if (!moved && _stop.IsCancellationRequested) return;
            await Pause(_interval > TimeSpan.Zero ? _interval : TimeSpan.FromSeconds(1));
        }
    }

    private async Task Pause(TimeSpan delay)
    {
        try
        {
            await _signal.WaitAsync(delay, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            // stopping: one last pass drains what is left
        }
    }

    // One batch: returns false when there was nothing to drain.
    private async Task<bool> DrainOnceAsync()
    {
        var end = _durableEnd();
        var at = Position;
        if (at >= end)
        {
            ReleaseWaiters(all: false);
            return false;
        }
        var path = _directory.SegmentPath(at.Segment);
        if (!File.Exists(path))
        {
            // A segment the writer could never create (a full disk): nothing in it.
            Advance(new LogPosition(at.Segment + 1, 0), 0, null);
            return true;
        }
        List<PredictionRecord> records;
        long next;
        var stop = ScanEnd.Clean;
        using (var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            var until = at.Segment < end.Segment ? RandomAccess.GetLength(file) : end.Offset;
            if (at.Offset >= until)
            {
                Advance(new LogPosition(at.Segment + 1, 0), 0, at.Segment);
                return true;
            }
            var (data, frameEnd, why) = SegmentReader.Read(file, at.Offset, until, MaxBatchBytes, _frames);
            (next, stop) = (frameEnd, why);
            records = new List<PredictionRecord>(Math.Min(_frames.Count, MaxBatchRecords));
            foreach (var frame in _frames)
            {
                if (records.Count == MaxBatchRecords)
                {
                    (next, stop) = (frame.Offset, ScanEnd.Clean);
                    break;
                }
                var id = string.Create(CultureInfo.InvariantCulture, $"{_directory.Instance}:{at.Segment}:{frame.Offset}");
                records.Add(LogFrame.Decode(data.AsSpan(frame.PayloadStart, frame.PayloadLength)) with { LogId = id });
            }
        }
        if (records.Count > 0) await _store.AppendAsync(records);
        if (stop != ScanEnd.Clean && at.Segment < end.Segment)
        {
            // A torn tail left by a failed write: never drained; the segment is done.
            _logger.LogTornTailSkipped(at.Segment, next);
            Advance(new LogPosition(at.Segment + 1, 0), next - at.Offset, at.Segment);
            return true;
        }
        Advance(new LogPosition(at.Segment, next), next - at.Offset, null);
        return next > at.Offset;
    }

    private void Advance(LogPosition to, long bytes, long? finishedSegment)
    {
        _directory.WriteCheckpoint(to);
        lock (_waiters) _position = to;
        Interlocked.Add(ref _counters.DrainedBytes, bytes);
        if (finishedSegment is { } done) File.Delete(_directory.SegmentPath(done));
        ReleaseWaiters(all: false);
    }

    private void ReleaseWaiters(bool all)
    {
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!all && _waiters[i].Target > _position) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>Drains what is fsynced (one last pass; a failing store leaves it for the next start), then stops.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        Nudge();
        await _loop;
        ReleaseWaiters(all: true);
    }
}
