using Microsoft.Extensions.Logging;

namespace Recur.Server.Requests;

/// <summary>The access log (event id 9450), source-generated: one line per request when <c>serving.access_log</c> is on.</summary>
internal static partial class RequestLog
{
    [LoggerMessage(EventId = 9450, Level = LogLevel.Information,
        Message = "{Method} {Path} {Status} {ElapsedMs:0.###} ms model={Model} version={Version} request_id={RequestId} key={KeyName}")]
    public static partial void Request(this ILogger logger, string method, string path, int status, double elapsedMs, string? model, string? version, string requestId, string? keyName);
}
