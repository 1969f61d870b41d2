using Microsoft.Extensions.Logging;

namespace Recur.Server.Security;

/// <summary>The server's access-control log messages (event ids 9400–9449), source-generated.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 9400, Level = LogLevel.Information, Message = "API keys: {State}")]
    public static partial void AuthAnnounced(this ILogger logger, string state);

    [LoggerMessage(EventId = 9401, Level = LogLevel.Warning, Message = "API keys: {State}")]
    public static partial void AuthOpenAnnounced(this ILogger logger, string state);

    [LoggerMessage(EventId = 9402, Level = LogLevel.Information, Message = "API keys: a key now exists, so requests need keys from now on (serving.auth: auto)")]
    public static partial void AuthNowRequired(this ILogger logger);

    [LoggerMessage(EventId = 9403, Level = LogLevel.Warning, Message = "API keys could not be read from the store, the keys read before stay in force: {Cause}")]
    public static partial void KeysUnreadable(this ILogger logger, string cause);

    [LoggerMessage(EventId = 9404, Level = LogLevel.Information, Message = "API keys read from the store again ({Count} keys)")]
    public static partial void KeysReadAgain(this ILogger logger, int count);

    [LoggerMessage(EventId = 9405, Level = LogLevel.Warning, Message = "{Method} {Pattern} has no line in the endpoint scope catalogue (EndpointScopes): it needs an admin key")]
    public static partial void EndpointWithoutScope(this ILogger logger, string method, string pattern);

    [LoggerMessage(EventId = 9406, Level = LogLevel.Information, Message = "{Status} {Method} {Path}: {Reason}")]
    public static partial void Refused(this ILogger logger, int status, string method, string path, string reason);
}
