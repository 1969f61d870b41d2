using Recur.Core.Project;

namespace Recur.Serving.Log;

/// <summary>
/// How a server's <see cref="PredictionLogWriter"/> logs: registered by <c>recur serve</c> from <c>serving.log</c>. Without
/// it (the CLI's batch scoring, the embedded predictor) records are queued in memory and stored in batches.
/// </summary>
public sealed record PredictionLogOptions
{
    /// <summary>True: answers wait for their records' fsync to the local log (<c>durability: fsync</c>); false: queued in memory.</summary>
    public bool Fsync { get; init; } = true;

    /// <summary>The local log's folder (absolute); each process claims one sub-folder of it.</summary>
    public required string Directory { get; init; }

    /// <summary>Undrained plus queued bytes above which <see cref="PredictionLogWriter.AppendAsync"/> refuses (503, Retry-After).</summary>
    public long MaxPendingBytes { get; init; } = 256L << 20;

    /// <summary>How long the writer waits to gather more appends into one fsync (zero: none).</summary>
    public TimeSpan GroupCommitMaxWait { get; init; }

    /// <summary>
    /// How long records may wait before the store is written: one batch per interval keeps the store's per-transaction
    /// cost off the serving core. <see cref="DrainEagerBytes"/> waiting, or a flush, store them at once.
    /// </summary>
    public TimeSpan DrainInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Bytes waiting to be stored above which the store is written without waiting for the interval.</summary>
    public long DrainEagerBytes { get; init; } = 1L << 20;

    /// <summary>A segment file is closed and a new one started once it holds this many bytes.</summary>
    public long SegmentBytes { get; init; } = 64L << 20;

    /// <summary>Seconds a client is asked to wait (Retry-After) when the log refuses a prediction.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The file operations the writer uses; tests replace them to simulate a full disk.</summary>
    internal Internal.ISegmentIo Io { get; init; } = Internal.SegmentIo.Default;

    /// <summary>The options recur.yaml's <c>serving.log</c> gives, with its folder resolved against the project folder.</summary>
    public static PredictionLogOptions From(ServingLogConfig config, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PredictionLogOptions
        {
            Fsync = config.Durability == ServingLogConfig.Fsync,
            Directory = Path.GetFullPath(Path.Combine(projectRoot, config.Dir)),
            MaxPendingBytes = (long)config.MaxPendingMb << 20,
            GroupCommitMaxWait = TimeSpan.FromMilliseconds(config.GroupCommitMaxMs),
            DrainInterval = TimeSpan.FromMilliseconds(config.DrainIntervalMs),
        };
    }
}
