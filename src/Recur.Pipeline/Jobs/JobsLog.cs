using Microsoft.Extensions.Logging;

namespace Recur.Pipeline.Jobs;

/// <summary>The job worker's log messages (event ids 7300–7319), source-generated.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 7300, Level = LogLevel.Information, Message = "Worker {Worker} claimed job {Id} ({Kind} of {Model}, attempt {Attempt})")]
    public static partial void JobClaimed(this ILogger logger, string worker, long id, string kind, string model, int attempt);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Job {Id} ({Kind}) done in {Seconds:0.0} s")]
    public static partial void JobDone(this ILogger logger, long id, string kind, double seconds);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Error, Message = "Job {Id} ({Kind}) failed: {Error}")]
    public static partial void JobFailed(this ILogger logger, long id, string kind, string error);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Warning, Message = "Job {Id}: worker {Worker} lost its claim (its lease ran out and another worker took the job); its result is dropped")]
    public static partial void JobLost(this ILogger logger, long id, string worker);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Warning, Message = "Job worker {Worker}: the store did not answer: {Error}")]
    public static partial void StoreFailed(this ILogger logger, string worker, string error);
}
