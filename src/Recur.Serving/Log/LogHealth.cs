namespace Recur.Serving.Log;

/// <summary>
/// The prediction log's state for readiness checks and metrics: what waits, what is written, what failed.
/// </summary>
/// <param name="Durability"><c>fsync</c> (the local durable log), <c>none</c> (server, in-memory queue) or <c>queued</c> (CLI batch scoring).</param>
/// <param name="QueueDepth">Appends waiting for the next fsync (or, without the local log, records waiting to be stored).</param>
/// <param name="QueuedBytes">Bytes of those appends.</param>
/// <param name="PendingBytes">Bytes fsynced to the local log and not yet drained into the store.</param>
/// <param name="FsyncBatches">Group commits done: one write and one fsync each.</param>
/// <param name="FramesWritten">Records fsynced to the local log.</param>
/// <param name="WriteFailures">Appends to the local log that failed (a full disk, an I/O error); their predictions answered 503.</param>
/// <param name="DrainFailures">Batches the store refused; they stay in the local log and are retried.</param>
/// <param name="Rejected">Predictions refused with 503 because too much was pending (back-pressure).</param>
/// <param name="TornBytesCut">Bytes of torn or corrupt frames cut off the local log at start-up (never drained).</param>
public sealed record LogHealth(
    string Durability,
    long QueueDepth,
    long QueuedBytes,
    long PendingBytes,
    long FsyncBatches,
    long FramesWritten,
    long WriteFailures,
    long DrainFailures,
    long Rejected,
    long TornBytesCut)
{
    /// <summary>True while predictions can be logged: nothing failing now and room below the pending limit.</summary>
    public bool Accepting { get; init; } = true;

    /// <summary>True while more than the pending limit waits to be stored: predictions are refused until the store catches up.</summary>
    public bool Behind { get; init; }
}
