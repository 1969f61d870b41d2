using Recur.Core;

namespace Recur.Serving;

/// <summary>Which version of a model answers: an explicit version, or the version an alias points at.</summary>
public sealed record ModelSelector(string Model, int? Version, string Alias)
{
    /// <summary>The alias used when none is given.</summary>
    public const string DefaultAlias = "champion";

    /// <summary>Builds a selector from optional request parameters.</summary>
    public static ModelSelector From(string model, int? version, string? alias)
    {
        if (version is not null && !string.IsNullOrEmpty(alias)) throw RecurException.Invalid("give either 'version' or 'alias', not both", "version");
        if (version is < 1) throw RecurException.Invalid($"version must be a positive integer, got {version}", "version");
        return new ModelSelector(model, version, string.IsNullOrEmpty(alias) ? DefaultAlias : alias);
    }

    /// <inheritdoc />
    public override string ToString() => Version is { } v ? $"{Model} version {v}" : $"{Model}@{Alias}";
}
