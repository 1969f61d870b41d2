namespace Recur.Core.Project;

/// <summary>
/// <c>serving.log</c>: how <c>recur serve</c> keeps its prediction log. With <c>durability: fsync</c> a prediction is
/// answered only after its records are fsynced to a local append-only log, which is drained into the store.
/// </summary>
public sealed class ServingLogConfig
{
    /// <summary>The durability that makes an answer wait for the local log's fsync (the default).</summary>
    public const string Fsync = "fsync";

    /// <summary>The durability that answers first and stores later (fast; a crash loses the queued records).</summary>
    public const string None = "none";

    /// <summary><c>fsync</c> (answered ⇒ stored, the default) or <c>none</c> (queued in memory after the answer).</summary>
    public string Durability { get; set; } = Fsync;

    /// <summary>The local log's folder, relative to the project folder (or absolute).</summary>
    public string Dir { get; set; } = ".recur/log";

    /// <summary>Records fsynced or queued but not yet in the store, in MiB, above which predictions answer 503 with Retry-After.</summary>
    public int MaxPendingMb { get; set; } = 256;

    /// <summary>How long, in milliseconds, the log writer waits to gather more appends into one fsync; 0 fsyncs as soon as the previous one ends.</summary>
    public double GroupCommitMaxMs { get; set; }

    /// <summary>
    /// How long, in milliseconds, records may wait in the local log (or, with <c>none</c>, in memory) before they are
    /// stored: the store is written in batches this far apart, or sooner once 1 MiB waits; 0 stores each batch at once.
    /// </summary>
    public double DrainIntervalMs { get; set; } = 100;
}
