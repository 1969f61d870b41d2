using Microsoft.Extensions.Logging;

namespace Recur.Pipeline.Loop;

/// <summary>The automatic loop's log messages (event ids 7180–7199), source-generated.</summary>
internal static partial class LoopLog
{
    [LoggerMessage(EventId = 7180, Level = LogLevel.Information, Message = "Loop tick {Tick} of {Model}: {Step}: {What} ({Why})")]
    public static partial void LoopStep(this ILogger logger, long tick, string model, string step, string what, string why);

    [LoggerMessage(EventId = 7181, Level = LogLevel.Warning, Message = "ALERT loop {Model} tick {Tick}: {What}: {Why} {Numbers}")]
    public static partial void LoopAlert(this ILogger logger, string model, long tick, string what, string why, string numbers);

    [LoggerMessage(EventId = 7182, Level = LogLevel.Error, Message = "Loop tick {Tick} of {Model} failed: {Error}")]
    public static partial void LoopFailed(this ILogger logger, long tick, string model, string error);

    [LoggerMessage(EventId = 7183, Level = LogLevel.Information, Message = "Loop of {Model} runs in the background every {Interval}")]
    public static partial void LoopRunning(this ILogger logger, string model, string interval);

    [LoggerMessage(EventId = 7184, Level = LogLevel.Warning, Message = "Loop tick of {Model} skipped: the previous tick is still running")]
    public static partial void LoopTickSkipped(this ILogger logger, string model);

    [LoggerMessage(EventId = 7185, Level = LogLevel.Information, Message = "Loop of {Model} runs in this process ({Holder}): it holds the lease for {Seconds} s at a time")]
    public static partial void LoopLeading(this ILogger logger, string model, string holder, double seconds);

    [LoggerMessage(EventId = 7186, Level = LogLevel.Information, Message = "Loop of {Model} stands by in this process ({Holder}): {Leader} holds the lease")]
    public static partial void LoopStandingBy(this ILogger logger, string model, string holder, string leader);

    [LoggerMessage(EventId = 7187, Level = LogLevel.Information, Message = "Loop of {Model}: {Holder} gave the lease up")]
    public static partial void LoopReleased(this ILogger logger, string model, string holder);

    [LoggerMessage(EventId = 7188, Level = LogLevel.Warning, Message = "Loop of {Model}: the lease could not be renewed or released: {Error}")]
    public static partial void LoopLeaseFailed(this ILogger logger, string model, string error);
}
