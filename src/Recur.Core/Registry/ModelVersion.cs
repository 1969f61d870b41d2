namespace Recur.Core.Registry;

/// <summary>Where a model version came from: enough to rebuild it.</summary>
/// <param name="Snapshots">Snapshot ids it was trained (and evaluated) on.</param>
/// <param name="ConfigHash">SHA-256 of the recur.yaml that produced it.</param>
/// <param name="CodeVersion">Recur's version and commit.</param>
/// <param name="Seed">The seed used for splitting and training.</param>
/// <param name="Trainer">The trainer name, e.g. "lightgbm".</param>
/// <param name="Parameters">The trainer's parameters.</param>
/// <param name="ReferenceProfile">
/// The stored profile of the training split of the first snapshot, which drift detection compares
/// against; null for versions registered before profiles were stored.
/// </param>
/// <param name="Environment">Where it was trained (runtime, OS, architecture, package versions); null for versions registered before it was captured.</param>
/// <param name="Origin">
/// What produced it (<see cref="ModelOrigins"/>): a pipeline run, or an experiment (never promotable); versions
/// registered before origins were recorded read as <c>pipeline</c>.
/// </param>
public sealed record ModelLineage(
    IReadOnlyList<string> Snapshots,
    string ConfigHash,
    string CodeVersion,
    int Seed,
    string Trainer,
    IReadOnlyDictionary<string, string> Parameters,
    string? ReferenceProfile = null,
    TrainingEnvironment? Environment = null,
    string Origin = ModelOrigins.Pipeline);

/// <summary>A model version about to be registered.</summary>
public sealed record NewModelVersion(
    string Model,
    string ArtifactSha256,
    ModelLineage Lineage,
    IReadOnlyDictionary<string, double> Metrics,
    string Description);

/// <summary>An immutable, registered model version (its aliases and tags are the registry's, and move).</summary>
public sealed record ModelVersion(
    string Model,
    int Version,
    string ArtifactSha256,
    DateTimeOffset CreatedAt,
    ModelLineage Lineage,
    IReadOnlyDictionary<string, double> Metrics,
    string Description,
    IReadOnlyList<string> Aliases)
{
    /// <summary>The version's key=value tags (empty when none).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
