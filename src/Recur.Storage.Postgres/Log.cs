using Microsoft.Extensions.Logging;

namespace Recur.Storage.Postgres;

/// <summary>The PostgreSQL backend's log messages (event ids 8100–8199), source-generated.</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "PostgreSQL {Server}: schema ready ({Applied} steps applied)")]
    public static partial void SchemaReady(this ILogger logger, string server, int applied);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Error, Message = "PostgreSQL {Server}: the schema could not be checked or upgraded")]
    public static partial void SchemaFailed(this ILogger logger, string server, Exception exception);
}
