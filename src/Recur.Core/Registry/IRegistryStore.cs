namespace Recur.Core.Registry;

/// <summary>Stores model versions and aliases. Versions are immutable; aliases move.</summary>
public interface IRegistryStore
{
    /// <summary>Registers the next version of a model and, if given, points the alias at it, in one transaction.</summary>
    Task<ModelVersion> RegisterAsync(NewModelVersion version, string? alias, CancellationToken ct = default);

    /// <summary>All versions, optionally of one model, ordered by model then version.</summary>
    Task<IReadOnlyList<ModelVersion>> ListAsync(string? model = null, CancellationToken ct = default);

    /// <summary>One version, or null.</summary>
    Task<ModelVersion?> FindAsync(string model, int version, CancellationToken ct = default);

    /// <summary>The version an alias points at, or null.</summary>
    Task<ModelVersion?> ResolveAliasAsync(string model, string alias, CancellationToken ct = default);

    /// <summary>Points an alias at an existing version.</summary>
    Task SetAliasAsync(string model, string alias, int version, CancellationToken ct = default);
}

/// <summary>Stores model files by the SHA-256 of their content.</summary>
public interface IArtifactStore
{
    /// <summary>Stores a file's bytes (atomically) and returns their SHA-256; storing the same bytes twice keeps one copy.</summary>
    Task<string> PutAsync(string sourcePath, CancellationToken ct = default);

    /// <summary>The local path of a stored artifact; throws NotFound if absent.</summary>
    string PathOf(string sha256);
}
