using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Serving;

namespace Recur.Serving.Log.Internal;

/// <summary>
/// Records queued in memory and stored by one background loop in batches (one transaction each), after the answer. A
/// crash loses the records still queued. With a byte limit (a server with <c>durability: none</c>) answers are refused
/// (503) while more than that waits, and a batch is taken one drain interval after its first record (sooner when 1 MiB
/// waits or a flush asks), so a lightly loaded server does not pay a store transaction per answer.
/// </summary>
internal sealed class QueuedLogSink : ILogSink
{
    private const int MaxBatch = 2048;
    private readonly IPredictionLog _log;
    private readonly ILogger _logger;
    private readonly long? _maxPendingBytes;
    private readonly int _retryAfter;
    private readonly string _durability;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly TimeSpan _linger;
    private readonly long _eagerBytes;
    private readonly SemaphoreSlim _wake = new(0);
    private long _failures;
    private long _queued;
    private long _queuedBytes;
    private long _rejected;

    public QueuedLogSink(IPredictionLog log, ILogger logger, PredictionLogOptions? options)
    {
        (_log, _logger) = (log, logger);
        _maxPendingBytes = options?.MaxPendingBytes;
        _retryAfter = options?.RetryAfterSeconds ?? 1;
        _durability = options is null ? "queued" : "none";
        (_linger, _eagerBytes) = (options?.DrainInterval ?? TimeSpan.Zero, options?.DrainEagerBytes ?? 0);
        _loop = Task.Run(RunAsync);
    }

    public long Failures => Interlocked.Read(ref _failures);

    public LogHealth Health
    {
        get
        {
            var queuedBytes = Interlocked.Read(ref _queuedBytes);
            var behind = _maxPendingBytes is { } limit && queuedBytes > limit;
            return new(_durability, Interlocked.Read(ref _queued), queuedBytes, 0, 0, 0, 0, Failures, Interlocked.Read(ref _rejected), 0) { Accepting = !behind, Behind = behind };
        }
    }

    public void Enqueue(IReadOnlyList<PredictionRecord> records)
    {
        foreach (var record in records)
        {
            Interlocked.Increment(ref _queued);
            Interlocked.Add(ref _queuedBytes, Size(record));
            _queue.Writer.TryWrite(record);
        }
        if (_linger > TimeSpan.Zero && Interlocked.Read(ref _queuedBytes) >= _eagerBytes) Wake();
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    public Task AppendAsync(IReadOnlyList<PredictionRecord> records)
    {
        if (_maxPendingBytes is { } max && Interlocked.Read(ref _queuedBytes) > max)
        {
            Interlocked.Increment(ref _rejected);
            throw new RecurException(FailureKind.Unavailable,
                $"the prediction log is behind: {Interlocked.Read(ref _queuedBytes)} bytes wait to be stored (serving.log.max_pending_mb is {max >> 20}); retry in {_retryAfter} s")
            { RetryAfterSeconds = _retryAfter };
        }
        Enqueue(records);
        return Task.CompletedTask;
    }

    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(done)) return Task.CompletedTask;
        Wake();
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Wake();
        await _loop;
    }

    // What a queued record holds on to, roughly: its inputs and a fixed share for the rest.
    private static long Size(PredictionRecord record) => 2L * record.InputsJson.Length + 200;

    private async Task RunAsync()
    {
        var batch = new List<PredictionRecord>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Let a batch gather for the interval unless enough already waits, a flush asks or the writer is done.
            if (_linger > TimeSpan.Zero && batch.Count == 0 && Interlocked.Read(ref _queuedBytes) < _eagerBytes) await _wake.WaitAsync(_linger);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item is PredictionRecord record) batch.Add(record);
                else flushes.Add((TaskCompletionSource)item);
                if (flushes.Count > 0) break;
            }
            try
            {
                await _log.AppendAsync(batch);
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref _failures);
                _logger.PredictionLogWriteFailed(batch.Count, e);
            }
            Interlocked.Add(ref _queued, -batch.Count);
            Interlocked.Add(ref _queuedBytes, -batch.Sum(Size));
            batch.Clear();
            foreach (var flush in flushes) flush.TrySetResult();
            flushes.Clear();
        }
    }
}
