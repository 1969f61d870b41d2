using Microsoft.Extensions.Logging;

namespace Recur.Training;

/// <summary>The training module's log messages (event ids 3000–3099), source-generated.</summary>
internal static partial class TrainingLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Model file of {Model} version {Version} verified (SHA-256 {Sha256})")]
    public static partial void ModelVerified(this ILogger logger, string model, int version, string sha256);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Refused {Model} version {Version}: {Problem}")]
    public static partial void ModelRefused(this ILogger logger, string model, int version, string problem);
}
