using Microsoft.Extensions.Logging;

namespace Recur.Storage.Sqlite;

/// <summary>The SQLite backend's log messages (event ids 8000–8099), source-generated.</summary>
internal static partial class SqliteLog
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Debug, Message = "Opened SQLite database {Path} (WAL)")]
    public static partial void DatabaseOpened(this ILogger logger, string path);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Error, Message = "SQLite database {Path}: the tables could not be created or upgraded")]
    public static partial void SchemaFailed(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "SQLite database {Path} could not be opened")]
    public static partial void OpenFailed(this ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Registered {Model} version {Version} (artifact {Artifact}){Alias}")]
    public static partial void VersionRegistered(this ILogger logger, string model, long version, string artifact, string alias);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Alias {Model}@{Alias} moved to version {Version} (was {Previous})")]
    public static partial void AliasMoved(this ILogger logger, string model, string alias, int version, string previous);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Alias {Model}@{Alias} not moved: it points at {Actual}, not {Expected} as the caller saw it")]
    public static partial void AliasMovedMeanwhile(this ILogger logger, string model, string alias, string actual, string expected);
}
