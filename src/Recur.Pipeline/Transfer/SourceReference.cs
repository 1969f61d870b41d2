using System.Globalization;

namespace Recur.Pipeline.Transfer;

/// <summary>A source model named in <c>training.transfer.from</c>: <c>NAME@ALIAS</c> or <c>NAME:VERSION</c>.</summary>
/// <param name="Model">The registered model's name.</param>
/// <param name="Alias">The alias, or null when a version number is given.</param>
/// <param name="Version">The version number, or null when an alias is given.</param>
public sealed record SourceReference(string Model, string? Alias, int? Version)
{
    /// <summary>Reads a reference; false when it is neither form.</summary>
    public static bool TryParse(string text, out SourceReference reference)
    {
        reference = new SourceReference("", null, null);
        if (string.IsNullOrWhiteSpace(text)) return false;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':');
        if (at > 0 && at < text.Length - 1 && colon < 0)
        {
            reference = new SourceReference(text[..at], text[(at + 1)..], null);
            return true;
        }
        if (colon > 0 && at < 0 && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            reference = new SourceReference(text[..colon], null, version);
            return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Alias is not null ? $"{Model}@{Alias}" : string.Create(CultureInfo.InvariantCulture, $"{Model}:{Version}");
}
