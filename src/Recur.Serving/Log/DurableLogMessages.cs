using Microsoft.Extensions.Logging;

namespace Recur.Serving.Log;

/// <summary>The durable prediction log's messages (event ids 2070–2079), source-generated.</summary>
internal static partial class DurableLogMessages
{
    [LoggerMessage(EventId = 2070, Level = LogLevel.Information, Message = "Prediction log: {Durability} in {Folder}; {Frames} frames ({Bytes} bytes) from before the start are drained first")]
    public static partial void LogOpened(this ILogger logger, string durability, string folder, int frames, long bytes);

    [LoggerMessage(EventId = 2071, Level = LogLevel.Warning, Message = "Prediction log: segment {Segment} ends in a torn or corrupt frame at byte {Offset}; {Bytes} bytes cut off, never drained")]
    public static partial void TornFrameCut(this ILogger logger, long segment, long offset, long bytes);

    [LoggerMessage(EventId = 2072, Level = LogLevel.Error, Message = "Prediction log: the local log cannot be written ({Failures} failures so far; predictions answer 503 until it can): {Problem}")]
    public static partial void LogWriteFailed(this ILogger logger, long failures, string problem);

    [LoggerMessage(EventId = 2073, Level = LogLevel.Error, Message = "Prediction log: draining into the store failed at {Position}; the records stay in the local log and are retried")]
    public static partial void LogDrainFailed(this ILogger logger, string position, Exception exception);

    [LoggerMessage(EventId = 2074, Level = LogLevel.Warning, Message = "Prediction log: segment {Segment} ends in a torn frame at byte {Offset} (a failed write); skipped")]
    public static partial void LogTornTailSkipped(this ILogger logger, long segment, long offset);

    [LoggerMessage(EventId = 2075, Level = LogLevel.Warning, Message = "Prediction log: {Pending} bytes wait to be stored (serving.log.max_pending_mb is {Limit} bytes); predictions answer 503 with Retry-After")]
    public static partial void LogBackPressure(this ILogger logger, long pending, long limit);
}
