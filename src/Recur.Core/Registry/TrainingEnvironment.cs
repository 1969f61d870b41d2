namespace Recur.Core.Registry;

/// <summary>The environment a version was trained in, part of its lineage so a rebuild can match it.</summary>
/// <param name="Runtime">The .NET runtime, e.g. <c>.NET 10.0.0</c>.</param>
/// <param name="Os">The operating system's description.</param>
/// <param name="Architecture">The process architecture, e.g. <c>X64</c>.</param>
/// <param name="Packages">The informational versions of the key packages loaded (ML.NET, LightGBM, …) by assembly name.</param>
public sealed record TrainingEnvironment(string Runtime, string Os, string Architecture, IReadOnlyDictionary<string, string> Packages);
