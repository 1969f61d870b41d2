using Recur.Core.Serving;

namespace Recur.Serving.Log.Internal;

/// <summary>Where <see cref="PredictionLogWriter"/> sends records: the in-memory queue or the durable local log.</summary>
internal interface ILogSink : IAsyncDisposable
{
    /// <summary>Batches that failed to be written or stored.</summary>
    long Failures { get; }

    /// <summary>Counters for readiness and metrics.</summary>
    LogHealth Health { get; }

    /// <summary>Logs records without waiting.</summary>
    void Enqueue(IReadOnlyList<PredictionRecord> records);

    /// <summary>Logs records for an answer: completes when they are as durable as the sink makes them; refuses when too much is pending.</summary>
    Task AppendAsync(IReadOnlyList<PredictionRecord> records);

    /// <summary>Completes when everything logged before is in the store (or failed to be).</summary>
    Task FlushAsync();
}
