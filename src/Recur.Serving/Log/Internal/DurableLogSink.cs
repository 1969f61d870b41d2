using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Serving;

namespace Recur.Serving.Log.Internal;

/// <summary>
/// Answered ⇒ stored: a prediction's records are framed on the request thread, group-committed (written and fsynced)
/// to the local log before the answer, then drained into the store. At start the frames a crashed process left are
/// recovered (a torn tail cut off) and drained first. Too much pending, or a disk that refuses writes, answers 503 with
/// Retry-After instead of dropping anything.
/// </summary>
internal sealed class DurableLogSink : ILogSink
{
    private readonly PredictionLogOptions _options;
    private readonly LogCounters _counters = new();
    private readonly LogDirectory _directory;
    private readonly GroupCommitWriter _writer;
    private readonly LogDrainer _drainer;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _lastFailureLog = long.MinValue;
    private long _lastPressureLog = long.MinValue;
    private volatile bool _failing;

    public DurableLogSink(IPredictionLog store, PredictionLogOptions options, ILogger logger, TimeProvider time)
    {
        (_options, _logger, _time) = (options, logger, time);
        _directory = LogDirectory.Claim(options.Directory);
        var (start, firstSegment, frames) = Recover();
        _logger.LogOpened("fsync", _directory.Path, frames, _counters.PendingBytes);
        _writer = new GroupCommitWriter(_directory, firstSegment, options, _counters, Durable, Failed);
        _drainer = new LogDrainer(store, _directory, start, () => _writer.DurableEnd, _counters, logger, options.DrainInterval, options.DrainEagerBytes);
        _drainer.Start();
    }

    /// <summary>The claimed folder (a sub-folder of <c>serving.log.dir</c>).</summary>
    public string Folder => _directory.Path;

    public long Failures => Interlocked.Read(ref _counters.WriteFailures) + Interlocked.Read(ref _counters.DrainFailures);

    public LogHealth Health
    {
        get
        {
            var behind = Backlog() > _options.MaxPendingBytes;
            return new("fsync", Interlocked.Read(ref _counters.QueueDepth), Interlocked.Read(ref _counters.QueuedBytes), _counters.PendingBytes,
                Interlocked.Read(ref _counters.FsyncBatches), Interlocked.Read(ref _counters.FramesWritten), Interlocked.Read(ref _counters.WriteFailures),
                Interlocked.Read(ref _counters.DrainFailures), Interlocked.Read(ref _counters.Rejected), Interlocked.Read(ref _counters.TornBytesCut))
            {
                Accepting = !_failing && !behind,
                Behind = behind,
            };
        }
    }

    public void Enqueue(IReadOnlyList<PredictionRecord> records)
    {
        if (records.Count == 0) return;
        _ = _writer.AppendAsync(LogFrame.Encode(records), records.Count, wait: false);
    }

    public async Task AppendAsync(IReadOnlyList<PredictionRecord> records)
    {
        if (records.Count == 0) return;
        var backlog = Backlog();
        if (backlog > _options.MaxPendingBytes)
        {
            Interlocked.Increment(ref _counters.Rejected);
            if (Due(ref _lastPressureLog)) _logger.LogBackPressure(backlog, _options.MaxPendingBytes);
            throw Refused($"the prediction log is behind: {backlog} bytes wait to be stored (serving.log.max_pending_mb is {_options.MaxPendingBytes >> 20})");
        }
        try
        {
            await _writer.AppendAsync(LogFrame.Encode(records), records.Count, wait: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Refused($"the prediction log cannot be written ({e.Message}; serving.log.dir {_options.Directory}); the prediction was not answered");
        }
    }

    public async Task FlushAsync()
    {
        var end = await _writer.AppendAsync([], 0, wait: true);
        await _drainer.WaitAsync(end);
    }

    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _drainer.StopAsync();
        _directory.Dispose();
    }

    private long Backlog() => _counters.PendingBytes + Interlocked.Read(ref _counters.QueuedBytes);

    private RecurException Refused(string message) =>
        new(FailureKind.Unavailable, $"{message}; retry in {_options.RetryAfterSeconds} s") { RetryAfterSeconds = _options.RetryAfterSeconds };

    private void Durable(LogPosition end)
    {
        _failing = false;
        _drainer.Written();
    }

    private void Failed(Exception e)
    {
        _failing = true;
        // A full disk fails every request: say so once a minute, not once a request.
        if (Due(ref _lastFailureLog)) _logger.LogWriteFailed(Interlocked.Read(ref _counters.WriteFailures), e.Message);
    }

    private bool Due(ref long last)
    {
        var now = _time.GetTimestamp();
        var seen = Interlocked.Read(ref last);
        if (seen != long.MinValue && _time.GetElapsedTime(seen, now) < TimeSpan.FromMinutes(1)) return false;
        return Interlocked.CompareExchange(ref last, now, seen) == seen;
    }

    // The frames a previous process left: each segment from the checkpoint on is scanned, a torn or corrupt tail is cut
    // off (and reported), and the writer starts a new segment after them.
    private (LogPosition Start, long FirstSegment, int Frames) Recover()
    {
        var segments = _directory.Segments();
        var checkpoint = _directory.ReadCheckpoint() ?? new LogPosition(segments.Count > 0 ? segments[0] : 1, 0);
        var frames = 0;
        foreach (var segment in segments)
        {
            var path = _directory.SegmentPath(segment);
            if (segment < checkpoint.Segment)
            {
                File.Delete(path); // drained before the crash; its deletion was cut short
                continue;
            }
            var from = segment == checkpoint.Segment ? checkpoint.Offset : 0;
            var (validEnd, length, _, count) = SegmentReader.ScanFile(path, from);
            frames += count;
            if (validEnd < length)
            {
                using (var file = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite))
                {
                    RandomAccess.SetLength(file, validEnd);
                    RandomAccess.FlushToDisk(file);
                }
                Interlocked.Add(ref _counters.TornBytesCut, length - validEnd);
                _logger.TornFrameCut(segment, validEnd, length - validEnd);
            }
            Interlocked.Add(ref _counters.WrittenBytes, Math.Max(0, validEnd - from));
        }
        var first = Math.Max(checkpoint.Segment, segments.Count > 0 ? segments[^1] + 1 : 0);
        if (first == checkpoint.Segment && segments.Contains(first)) first++;
        return (checkpoint, first, frames);
    }
}
