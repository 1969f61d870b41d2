using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Serving;

namespace Recur.Serving.Log;

/// <summary>
/// Writes predictions to the log off the request path: requests enqueue, one background loop appends
/// in batches (one transaction each). <see cref="FlushAsync"/> waits until everything enqueued before
/// it is stored; disposing flushes too. A crash can lose at most the records still queued.
/// </summary>
public sealed class PredictionLogWriter : IAsyncDisposable
{
    private const int MaxBatch = 2048;

    // How long the writer lets records gather before a transaction: a commit costs far more than an inserted row, and at
    // one request at a time every record used to pay its own (40 % of the serving process's CPU, docs/design/serving-speed.md).
    // A flush never waits for it.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(2);
    private int _flushesWaiting;
    private readonly IPredictionLog _log;
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _failures;

    private readonly ILogger _logger;

    /// <summary>Starts the background writer; failures are counted and logged through <paramref name="logger"/>.</summary>
    public PredictionLogWriter(IPredictionLog log, ILogger<PredictionLogWriter>? logger = null)
    {
        _log = log;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Batches that failed to be written (reported by health checks).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Records queued and not yet taken by the writer (reported by <c>/metrics</c>).</summary>
    public long QueueDepth => Interlocked.Read(ref _depth);

    // The single-reader channel cannot count its items; the writer keeps the count itself.
    private long _depth;

    /// <summary>Queues records for the log.</summary>
    public void Enqueue(IEnumerable<PredictionRecord> records)
    {
        foreach (var record in records)
        {
            if (_queue.Writer.TryWrite(record)) Interlocked.Increment(ref _depth);
        }
    }

    /// <summary>Completes when every record queued before the call is stored.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref _flushesWaiting);
        if (_queue.Writer.TryWrite(done)) return done.Task;
        Interlocked.Decrement(ref _flushesWaiting);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PredictionRecord>(MaxBatch);
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            if (Interlocked.Read(ref _depth) < MaxBatch && Volatile.Read(ref _flushesWaiting) == 0) await Task.Delay(Gather);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                if (item is PredictionRecord record)
                {
                    batch.Add(record);
                    Interlocked.Decrement(ref _depth);
                }
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
            batch.Clear();
            foreach (var flush in flushes)
            {
                Interlocked.Decrement(ref _flushesWaiting);
                flush.TrySetResult();
            }
            flushes.Clear();
        }
    }
}
