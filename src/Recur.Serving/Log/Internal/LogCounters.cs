namespace Recur.Serving.Log.Internal;

/// <summary>The durable log's counters, shared by the writer, the drainer and the health report; updated with <see cref="Interlocked"/>.</summary>
internal sealed class LogCounters
{
    public long QueueDepth;
    public long QueuedBytes;
    public long WrittenBytes;
    public long DrainedBytes;
    public long FsyncBatches;
    public long FramesWritten;
    public long WriteFailures;
    public long DrainFailures;
    public long Rejected;
    public long TornBytesCut;

    /// <summary>Fsynced bytes not yet in the store.</summary>
    public long PendingBytes => Interlocked.Read(ref WrittenBytes) - Interlocked.Read(ref DrainedBytes);
}
