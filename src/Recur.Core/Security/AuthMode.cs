namespace Recur.Core.Security;

/// <summary>When the HTTP server asks for API keys (<c>serving.auth</c>).</summary>
public enum AuthMode
{
    /// <summary>Open while bound to loopback and no key was ever created; keys required otherwise.</summary>
    Auto,

    /// <summary>Every endpoint but health, metrics and the API description needs a key.</summary>
    Required,

    /// <summary>Open, wherever it is bound: for a server behind a gateway that checks callers itself.</summary>
    Off,
}

/// <summary>The names of <see cref="AuthMode"/> in recur.yaml.</summary>
public static class AuthModes
{
    /// <summary>Every mode by its name in recur.yaml.</summary>
    public static IReadOnlyDictionary<string, AuthMode> ByName { get; } = new Dictionary<string, AuthMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = AuthMode.Auto,
        ["required"] = AuthMode.Required,
        ["off"] = AuthMode.Off,
    };

    /// <summary>The mode named <paramref name="name"/>; Invalid naming serving.auth and the modes there are.</summary>
    public static AuthMode Parse(string name) => ByName.TryGetValue(name, out var mode) ? mode
        : throw RecurException.Invalid($"serving.auth: '{name}' is not a mode (modes: {string.Join(", ", ByName.Keys)})", "serving.auth");
}
