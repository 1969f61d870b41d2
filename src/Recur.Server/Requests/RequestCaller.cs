namespace Recur.Server.Requests;

/// <summary>Who made a request, for the access log: the name of the API key it carried (never the key).</summary>
/// <param name="KeyName">The key's name.</param>
internal sealed record RequestCaller(string KeyName);
