using Microsoft.Extensions.Logging;

namespace Recur.Monitoring.Incremental;

/// <summary>Incremental monitoring's log messages (event ids 6080–6089), source-generated.</summary>
internal static partial class IncrementalLog
{
    [LoggerMessage(EventId = 6080, Level = LogLevel.Information, Message = "Monitoring {Model} ({Mode}): batch view through seq {BatchSeq}, read {Predictions} predictions and {Labelled} labelled pairs through seq {HeadSeq}")]
    public static partial void MonitorRan(this ILogger logger, string model, string mode, long batchSeq, long predictions, long labelled, long headSeq);

    [LoggerMessage(EventId = 6081, Level = LogLevel.Information, Message = "Monitoring checkpoint of {Model} rebuilt from the start of the log: {Reason}")]
    public static partial void CheckpointRebuilt(this ILogger logger, string model, string reason);

    [LoggerMessage(EventId = 6082, Level = LogLevel.Debug, Message = "Monitoring checkpoint of {Model} written through prediction seq {PredictionSeq}, feedback seq {FeedbackSeq} ({Bytes} bytes)")]
    public static partial void CheckpointWritten(this ILogger logger, string model, long predictionSeq, long feedbackSeq, int bytes);
}
