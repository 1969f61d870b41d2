namespace Recur.Server.Security;

/// <summary>What the server is bound to, as far as who can reach it is concerned.</summary>
internal static class BindAddress
{
    /// <summary>Whether <paramref name="url"/> binds loopback only (localhost, 127.x, ::1); <c>*</c> and <c>+</c> bind every address.</summary>
    public static bool IsLoopback(string url)
    {
        var host = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Host;
        return host is "localhost" || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }
}
