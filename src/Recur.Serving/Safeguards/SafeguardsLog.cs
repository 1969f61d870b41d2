using Microsoft.Extensions.Logging;

namespace Recur.Serving.Safeguards;

/// <summary>The safeguards' log messages (event ids 2050–2059 of Serving's range), source-generated.</summary>
internal static partial class SafeguardsLog
{
    [LoggerMessage(EventId = 2050, Level = LogLevel.Error, Message = "{Model} version {Version} failed while scoring; {Count} instances were answered by the baseline (safeguards.fallback.on_error)")]
    public static partial void ModelFellBack(this ILogger logger, string model, int version, int count, Exception exception);
}
