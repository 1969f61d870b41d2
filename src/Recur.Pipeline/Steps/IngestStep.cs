using Recur.Core;
using Recur.Lake;

namespace Recur.Pipeline.Steps;

/// <summary>Ingests a dataset declared in recur.yaml (or a file given on the command line) into the lake.</summary>
public static class IngestStep
{
    /// <summary>Ingests a dataset; <paramref name="sourceOverride"/> replaces the declared source file.</summary>
    public static Task<IngestOutcome> RunAsync(RecurProject project, string dataset, string? sourceOverride = null, CancellationToken ct = default)
    {
        if (!project.Config.Datasets.TryGetValue(dataset, out var config))
        {
            var known = project.Config.Datasets.Keys.ToList();
            throw RecurException.Invalid($"dataset '{dataset}' is not declared in recur.yaml (declared: {(known.Count == 0 ? "none" : string.Join(", ", known))})", "dataset");
        }
        var source = sourceOverride ?? config.Source;
        var path = sourceOverride is null ? project.Resolve(source) : Path.GetFullPath(source);
        var ingestor = new LakeIngestor(project.Snapshots, project.Catalog, project.Time);
        return ingestor.IngestAsync(dataset, path, Path.GetRelativePath(project.Root, path).Replace('\\', '/'), config, ct);
    }
}
