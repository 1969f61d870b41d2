using Microsoft.Extensions.Logging;

namespace Recur.Pipeline;

/// <summary>The pipeline steps' log messages (event ids 7000–7099), source-generated.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Debug, Message = "Opened project {Name} in {Root} with storage {Storage}")]
    public static partial void ProjectOpened(this ILogger logger, string name, string root, string storage);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Training {Model} ({Task}) on snapshot {Snapshot}: {TrainRows} training rows, {ValidationRows} validation rows")]
    public static partial void TrainingStarted(this ILogger logger, string model, string task, string snapshot, int trainRows, int validationRows);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Candidate {Trainer} fitted in {Seconds:0.00} s: validation {Metric} = {Value}{Chosen}")]
    public static partial void CandidateFitted(this ILogger logger, string trainer, double seconds, string metric, double value, string chosen);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Training {Model} finished: {Result}")]
    public static partial void TrainingFinished(this ILogger logger, string model, string result);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Monitored {Model} version {Version}: {Logged} logged predictions, {Labelled} with feedback")]
    public static partial void Monitored(this ILogger logger, string model, int version, int logged, int labelled);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Retraining {Model} on {Rows} rows ({Labelled} labelled logged rows added)")]
    public static partial void RetrainStarted(this ILogger logger, string model, int rows, int labelled);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Without feature group {Group}: {Metric} contribution {Contribution} (95% interval {Low} to {High})")]
    public static partial void GroupAblated(this ILogger logger, string group, string metric, double contribution, double low, double high);

    [LoggerMessage(EventId = 7040, Level = LogLevel.Information, Message = "Backtest fold {Fold}: trained on {TrainRows} rows, tested on {TestRows}: {Metric} = {Value} (baseline {Baseline})")]
    public static partial void BacktestFoldScored(this ILogger logger, int fold, int trainRows, int testRows, string metric, double value, double baseline);
}
