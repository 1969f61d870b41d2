using Microsoft.Extensions.Logging;
using Recur.Core;

namespace Recur.Cli;

/// <summary>
/// Where the CLI's logs go: stderr only, one line each, so stdout stays pure JSON under --json. The
/// level is Warning unless raised with --verbose (Information) or set with RECUR_LOG_LEVEL (Trace,
/// Debug, Information, Warning, Error, Critical or None), which wins over both.
/// </summary>
public static class CliLogging
{
    /// <summary>The environment variable that sets the log level.</summary>
    public const string LevelVariable = "RECUR_LOG_LEVEL";

    /// <summary>The level in force; Invalid naming the variable when it holds no level.</summary>
    public static LogLevel Level(bool verbose, LogLevel fallback)
    {
        var text = Environment.GetEnvironmentVariable(LevelVariable);
        if (string.IsNullOrWhiteSpace(text)) return verbose ? LogLevel.Information : fallback;
        return Enum.TryParse<LogLevel>(text.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw RecurException.Invalid($"{LevelVariable}='{text}' is not a log level (one of: {string.Join(", ", Enum.GetNames<LogLevel>())})", LevelVariable);
    }

    /// <summary>Sends logs to stderr from <paramref name="level"/> up.</summary>
    public static void Configure(ILoggingBuilder logging, LogLevel level) => logging
        .ClearProviders()
        .SetMinimumLevel(level)
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}
