using Microsoft.Extensions.Logging;

namespace Recur.Storage.Postgres;

/// <summary>The PostgreSQL backend's log messages (event ids 8100–8199), source-generated.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "PostgreSQL {Server}: schema ready ({Applied} steps applied)")]
    public static partial void SchemaReady(this ILogger logger, string server, int applied);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Error, Message = "PostgreSQL {Server}: the schema could not be checked or upgraded")]
    public static partial void SchemaFailed(this ILogger logger, string server, Exception exception);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Registered {Model} version {Version} (artifact {Artifact}){Alias}")]
    public static partial void VersionRegistered(this ILogger logger, string model, long version, string artifact, string alias);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Alias {Model}@{Alias} moved to version {Version} (was {Previous})")]
    public static partial void AliasMoved(this ILogger logger, string model, string alias, int version, string previous);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Warning, Message = "Alias {Model}@{Alias} not moved: it points at {Actual}, not {Expected} as the caller saw it")]
    public static partial void AliasMovedMeanwhile(this ILogger logger, string model, string alias, string actual, string expected);
}
