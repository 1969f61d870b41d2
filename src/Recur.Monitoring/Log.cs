using Microsoft.Extensions.Logging;

namespace Recur.Monitoring;

/// <summary>The monitoring module's log messages (event ids 6000–6099), source-generated.</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Drift found in {Drifted} of {Features} features over {Rows} logged rows: {Names}")]
    public static partial void DriftFound(this ILogger logger, int drifted, int features, long rows, string names);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Retrain triggered: {Reason}")]
    public static partial void RetrainTriggered(this ILogger logger, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "No retrain: {Reason}")]
    public static partial void RetrainNotNeeded(this ILogger logger, string reason);
}
