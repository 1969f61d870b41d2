using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Serving;
using Recur.Serving.Log.Internal;

namespace Recur.Serving.Log;

/// <summary>
/// Writes predictions to the log. A server registers <see cref="PredictionLogOptions"/>: with <c>durability: fsync</c>
/// (the default) <see cref="AppendAsync"/> completes only once the records are fsynced to a local append-only log that
/// is drained into the store (answered ⇒ stored, even under SIGKILL); with <c>none</c> records are queued in memory and
/// stored after the answer. Either way too much pending answers 503 with Retry-After. Without options (CLI batch
/// scoring) records are queued and <see cref="FlushAsync"/> waits until they are stored; disposing flushes too.
/// </summary>
public sealed class PredictionLogWriter : IAsyncDisposable
{
    private readonly ILogSink _sink;

    /// <summary>Starts the writer; failures are counted and logged through <paramref name="logger"/>.</summary>
    public PredictionLogWriter(IPredictionLog log, ILogger<PredictionLogWriter>? logger = null, PredictionLogOptions? options = null, TimeProvider? time = null)
    {
        var sink = (ILogger?)logger ?? NullLogger.Instance;
        _sink = options is { Fsync: true }
            ? new DurableLogSink(log, options, sink, time ?? TimeProvider.System)
            : new QueuedLogSink(log, sink, options);
    }

    /// <summary>Batches that failed to be written or stored (reported by health checks).</summary>
    public long Failures => _sink.Failures;

    /// <summary>Queue depth, pending bytes, fsync batches and failures, for readiness checks and metrics.</summary>
    public LogHealth Health => _sink.Health;

    /// <summary>The folder of the durable local log this process writes, or null without one.</summary>
    public string? DurableFolder => (_sink as DurableLogSink)?.Folder;

    /// <summary>Queues records for the log without waiting (batch scoring, shadow copies).</summary>
    public void Enqueue(IEnumerable<PredictionRecord> records) => _sink.Enqueue(records as IReadOnlyList<PredictionRecord> ?? records.ToList());

    /// <summary>
    /// Logs the records of an answer: completes once they are fsynced to the local log (<c>durability: fsync</c>) or
    /// queued (otherwise). Throws an <see cref="Core.FailureKind.Unavailable"/> <see cref="Core.RecurException"/> with
    /// <see cref="Core.RecurException.RetryAfterSeconds"/> when too much is pending or the log cannot be written: the
    /// prediction must not be answered.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<PredictionRecord> records) => _sink.AppendAsync(records);

    /// <summary>Completes when every record logged before the call is stored (or a try to store it failed).</summary>
    public Task FlushAsync() => _sink.FlushAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _sink.DisposeAsync();
}
