using Microsoft.Win32.SafeHandles;

namespace Recur.Serving.Log.Internal;

/// <summary>
/// Writes the local log, one round at a time. An append that finds the log idle (no round running, nothing queued)
/// writes and fsyncs its own frames on the caller's thread: at one connection an answer waits for one fsync and no
/// thread hand-off. Appends that arrive while a round runs wait in a queue; the writer thread's next round takes them
/// all, writes them with one gathered write at the end of the current segment and fsyncs once (group commit), then
/// completes every waiter with the position the batch ends at. A failed write or fsync fails its whole batch, cuts the
/// segment back to its last fsynced length and continues in a new segment.
/// </summary>
internal sealed class GroupCommitWriter : IDisposable
{
    private sealed record Append(byte[] Frames, int Count, TaskCompletionSource<LogPosition>? Done);

    private readonly object _gate = new();
    private readonly LogDirectory _directory;
    private readonly PredictionLogOptions _options;
    private readonly LogCounters _counters;
    private readonly Action<LogPosition> _durable;
    private readonly Action<Exception> _failed;
    private readonly Thread _thread;
    private List<Append> _queue = [];
    private List<Append> _spare = [];
    private bool _stopping;
    private bool _committing; // a round runs (on the writer thread or inline): it alone touches the file
    private SafeFileHandle? _file;
    private long _segment;
    private long _offset;
    private LogPosition _durableEnd;

    /// <summary>Starts the writer; its first segment is <paramref name="firstSegment"/> (created on the first write).</summary>
    public GroupCommitWriter(LogDirectory directory, long firstSegment, PredictionLogOptions options, LogCounters counters, Action<LogPosition> durable, Action<Exception> failed)
    {
        (_directory, _options, _counters, _durable, _failed) = (directory, options, counters, durable, failed);
        _segment = firstSegment;
        _durableEnd = new LogPosition(firstSegment, 0);
        _thread = new Thread(Run) { IsBackground = true, Name = "recur-log-writer" };
        _thread.Start();
    }

    /// <summary>Where the fsynced frames end: everything before it is on disk.</summary>
    public LogPosition DurableEnd
    {
        get { lock (_gate) return _durableEnd; }
    }

    /// <summary>
    /// Queues frames (<paramref name="count"/> records) for the next group commit. With <paramref name="wait"/> the task
    /// completes once they are fsynced (with the position their batch ends at), or fails with the write's exception.
    /// Empty frames with <paramref name="wait"/> mark a point: the task completes when everything queued before is fsynced.
    /// </summary>
    public Task<LogPosition> AppendAsync(byte[] frames, int count, bool wait)
    {
        var append = new Append(frames, count, wait ? new TaskCompletionSource<LogPosition>(TaskCreationOptions.RunContinuationsAsynchronously) : null);
        bool inline;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            Interlocked.Increment(ref _counters.QueueDepth);
            Interlocked.Add(ref _counters.QueuedBytes, frames.Length);
            inline = wait && !_committing && _queue.Count == 0 && _options.GroupCommitMaxWait <= TimeSpan.Zero;
            if (inline) _committing = true;
            else
            {
                _queue.Add(append);
                if (_queue.Count == 1) Monitor.PulseAll(_gate);
            }
        }
        if (inline) CommitInline(append);
        return append.Done?.Task ?? Task.FromResult(default(LogPosition));
    }

    // The log was idle: this caller's frames are the round. Appends queued meanwhile go to the writer thread.
    private void CommitInline(Append append)
    {
        try
        {
            Commit([append]);
        }
        finally
        {
            lock (_gate)
            {
                _committing = false;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            List<Append> batch;
            lock (_gate)
            {
                while (_committing || (_queue.Count == 0 && !_stopping)) Monitor.Wait(_gate);
                if (_queue.Count == 0) break;
                _committing = true;
            }
            // group_commit_max_ms: let more appends join this round before taking it.
            if (_options.GroupCommitMaxWait > TimeSpan.Zero) Thread.Sleep(_options.GroupCommitMaxWait);
            lock (_gate)
            {
                batch = _queue;
                (_queue, _spare) = (_spare, []);
            }
            Commit(batch);
            batch.Clear();
            lock (_gate)
            {
                _spare = batch;
                _committing = false;
            }
        }
        _file?.Dispose();
    }

    private void Commit(List<Append> batch)
    {
        var buffers = new List<ReadOnlyMemory<byte>>(batch.Count);
        long bytes = 0, frames = 0;
        foreach (var append in batch)
        {
            if (append.Frames.Length == 0) continue;
            buffers.Add(append.Frames);
            bytes += append.Frames.Length;
            frames += append.Count;
        }
        Interlocked.Add(ref _counters.QueueDepth, -batch.Count);
        Interlocked.Add(ref _counters.QueuedBytes, -bytes);
        try
        {
            if (bytes > 0) Write(buffers, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _counters.WriteFailures);
            Abandon();
            _failed(e);
            foreach (var append in batch) append.Done?.TrySetException(e);
            return;
        }
        LogPosition end;
        lock (_gate) end = _durableEnd;
        if (bytes > 0)
        {
            Interlocked.Add(ref _counters.WrittenBytes, bytes);
            Interlocked.Add(ref _counters.FramesWritten, frames);
            Interlocked.Increment(ref _counters.FsyncBatches);
            _durable(end);
        }
        foreach (var append in batch) append.Done?.TrySetResult(end);
    }

    private void Write(List<ReadOnlyMemory<byte>> buffers, long bytes)
    {
        if (_file is not null && _offset >= _options.SegmentBytes)
        {
            _file.Dispose();
            (_file, _segment, _offset) = (null, _segment + 1, 0);
        }
        _file ??= _options.Io.Create(_directory.SegmentPath(_segment));
        _options.Io.Write(_file, buffers, _offset);
        _options.Io.Flush(_file);
        _offset += bytes;
        lock (_gate) _durableEnd = new LogPosition(_segment, _offset);
    }

    // After a failed write or fsync the segment's tail cannot be trusted: cut it back to what was fsynced and start
    // the next batch in a new segment (the drainer skips to it).
    private void Abandon()
    {
        if (_file is null)
        {
            _segment++; // the segment could not even be created; the next attempt takes the next number
            return;
        }
        try
        {
            _options.Io.Truncate(_file, _offset);
            _options.Io.Flush(_file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The drainer stops at the first torn frame of this segment and moves to the next.
        }
        _file.Dispose();
        (_file, _segment, _offset) = (null, _segment + 1, 0);
    }

    /// <summary>Writes what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping) return;
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        _thread.Join();
    }
}
