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

    /// <summary>
    /// Registers the next version and points <paramref name="alias"/> at it, in one transaction, but only
    /// if the alias still points at <paramref name="expected"/> (null: the alias does not exist). Returns
    /// null and registers nothing when the alias moved meanwhile, so a decision taken against the old
    /// target is never applied against a new one.
    /// </summary>
    Task<ModelVersion?> RegisterIfAliasAsync(NewModelVersion version, string alias, int? expected, CancellationToken ct = default);

    /// <summary>
    /// Points an alias at an existing version only if it still points at <paramref name="expected"/>
    /// (null: the alias does not exist); false when it moved meanwhile.
    /// </summary>
    Task<bool> MoveAliasIfAsync(string model, string alias, int version, int? expected, CancellationToken ct = default);
}

/// <summary>Stores model files by the SHA-256 of their content.</summary>
public interface IArtifactStore
{
    /// <summary>Stores a file's bytes (atomically) and returns their SHA-256; storing the same bytes twice keeps one copy.</summary>
    Task<string> PutAsync(string sourcePath, CancellationToken ct = default);

    /// <summary>The local path of a stored artifact; throws NotFound if absent.</summary>
    string PathOf(string sha256);

    /// <summary>
    /// A stored artifact's bytes as they are now, unverified (the caller compares their hash with the one it
    /// recorded); throws NotFound if absent.
    /// </summary>
    Task<byte[]> ReadAsync(string sha256, CancellationToken ct = default);
}
