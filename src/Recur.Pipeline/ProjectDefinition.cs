using Recur.Core.Project;
using Recur.Pipeline.Storage;

namespace Recur.Pipeline;

/// <summary>A project as loaded: where it lives, its validated recur.yaml, the file's hash, and the storage chosen.</summary>
/// <param name="Layout">The project folder and its embedded state folders.</param>
/// <param name="Config">The parsed and validated recur.yaml.</param>
/// <param name="ConfigHash">SHA-256 of recur.yaml, recorded in lineage.</param>
/// <param name="Storage">The storage URI in force (recur.yaml's, or the <c>--store</c> override).</param>
public sealed record ProjectDefinition(ProjectLayout Layout, ProjectConfig Config, string ConfigHash, StorageUri Storage);
