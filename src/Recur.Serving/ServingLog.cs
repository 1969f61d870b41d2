using Microsoft.Extensions.Logging;

namespace Recur.Serving;

/// <summary>Serving's log messages (event ids 2000–2099), source-generated.</summary>
internal static partial class ServingLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Error, Message = "A batch of {Count} predictions could not be written to the prediction log; /healthz reports degraded")]
    public static partial void PredictionLogWriteFailed(this ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "{Route} cannot serve: {Problem}")]
    public static partial void ModelUnavailable(this ILogger logger, string route, string problem);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Loaded {Model} version {Version} ({Task}, artifact {Artifact})")]
    public static partial void ModelLoaded(this ILogger logger, string model, int version, string task, string artifact);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Routes revision {Revision} in force: {Routes}")]
    public static partial void RoutesLoaded(this ILogger logger, int revision, string routes);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "The changed routes were refused; revision {Revision} stays in force: {Problem}")]
    public static partial void RoutesRefused(this ILogger logger, int revision, string problem);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Shadow scoring by {Shadow} failed: {Problem}")]
    public static partial void ShadowFailed(this ILogger logger, string shadow, string problem);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "{Model} moved from version {From} to version {To}; version {From} answers until {To} is loaded")]
    public static partial void ServingPreviousWhileLoading(this ILogger logger, string model, int from, int to);
}
