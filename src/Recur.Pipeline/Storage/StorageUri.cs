using Recur.Core;

namespace Recur.Pipeline.Storage;

/// <summary>
/// Where a project keeps its metadata, log and feedback: <c>scheme:location</c>, as written under
/// <c>storage:</c> in recur.yaml or given with <c>--store</c>. Empty means the embedded default,
/// <c>sqlite:</c> (the file <c>.recur/recur.db</c>); a bare scheme (<c>sqlite</c>) means its default location.
/// </summary>
/// <param name="Scheme">The backend's name in the <see cref="StorageBackends"/> catalogue, lower case.</param>
/// <param name="Location">What follows the colon (a path, a connection string); empty for the backend's default.</param>
public sealed record StorageUri(string Scheme, string Location)
{
    /// <summary>The embedded default.</summary>
    public static StorageUri Embedded { get; } = new("sqlite", "");

    /// <summary>
    /// Parses a setting; <paramref name="setting"/> names where it came from (<c>storage</c>, <c>--store</c>)
    /// in the error. Empty or blank text is the embedded default.
    /// </summary>
    public static StorageUri Parse(string? text, string setting)
    {
        if (string.IsNullOrWhiteSpace(text)) return Embedded;
        text = text.Trim();
        // A bare scheme ("sqlite") means its default location: YAML reads an unquoted "sqlite:" as a key.
        if (text.All(char.IsAsciiLetterOrDigit)) return new StorageUri(text.ToLowerInvariant(), "");
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        if (scheme.Length == 0 || !scheme.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '+' or '-' or '.'))
        {
            throw RecurException.Invalid($"{setting}: '{text}' is not a storage URI (scheme:location, e.g. sqlite: or sqlite:data/recur.db)", setting);
        }
        return new StorageUri(scheme, text[(colon + 1)..].Trim());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Scheme}:{Location}";
}
