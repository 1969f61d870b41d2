using Recur.Serving.Log;

namespace Recur.Server.Observability;

/// <summary>
/// The prediction log's state for <c>/healthz</c> and <c>/readyz</c>. <see cref="Failing"/> (degraded health): the log
/// refuses appends now (a failing or full disk, too much pending) or its write failures grew within the last
/// <see cref="Window"/>; a failure long past no longer degrades the server (the total stays in <c>/metrics</c>).
/// <see cref="Behind"/> (not ready): more than <c>serving.log.max_pending_mb</c> waits to be stored, which passes by
/// itself as the store catches up. A failing disk does not make the replica unready: only a prediction can find out
/// that the disk works again, and an unready replica gets none.
/// </summary>
internal sealed class LogHealthWatch(PredictionLogWriter log, TimeProvider time)
{
    /// <summary>How long a new write failure keeps the log reported as failing.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private long _failures;
    private long _changedAt = long.MinValue;

    /// <summary>Null while the log writes and stores; else why not.</summary>
    public string? Failing()
    {
        var health = log.Health;
        var failures = log.Failures;
        long changedAt;
        lock (_gate)
        {
            if (failures != _failures) (_failures, _changedAt) = (failures, time.GetTimestamp());
            changedAt = _changedAt;
        }
        if (BehindOf(health) is { } behind) return behind;
        if (!health.Accepting) return "the prediction log cannot be written (a full or failing disk under serving.log.dir)";
        return failures > 0 && changedAt != long.MinValue && time.GetElapsedTime(changedAt) < Window
            ? $"{failures} prediction-log write(s) failed, the last within {Window.TotalSeconds:0} s"
            : null;
    }

    /// <summary>Null unless more than the pending limit waits to be stored.</summary>
    public string? Behind() => BehindOf(log.Health);

    private static string? BehindOf(LogHealth health) =>
        health.Behind ? $"the prediction log is behind: {health.PendingBytes + health.QueuedBytes} bytes wait to be stored (serving.log.max_pending_mb)" : null;
}
