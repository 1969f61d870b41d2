using Microsoft.Extensions.Logging;

namespace Recur.Server.Requests;

/// <summary>The server's log formats on stderr (<c>serving.log_format</c>, <c>--log-format</c>): text, or one JSON object a line.</summary>
internal static class ServerLogFormats
{
    private static readonly Dictionary<string, Action<ILoggingBuilder>> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = _ => { },
        // Scopes carry the request id; timestamps in UTC so lines from several replicas sort together.
        ["json"] = logging => logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        }),
    };

    /// <summary>Applies the format named <paramref name="name"/>; Invalid naming the formats there are.</summary>
    public static void Apply(ILoggingBuilder logging, string name)
    {
        if (!ByName.TryGetValue(name, out var apply))
        {
            throw Core.RecurException.Invalid($"--log-format: '{name}' is not a format (formats: {string.Join(", ", ByName.Keys)})", "log_format");
        }
        apply(logging);
    }
}
