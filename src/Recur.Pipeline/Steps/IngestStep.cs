using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Core.Project;
using Recur.Lake;

namespace Recur.Pipeline.Steps;

/// <summary>Ingests a dataset declared in recur.yaml, or any source given on the command line, into the lake.</summary>
public static class IngestStep
{
    /// <summary>Ingests a dataset declared under <c>datasets:</c> from its declared source.</summary>
    public static Task<IngestOutcome> RunAsync(RecurProject project, string dataset, CancellationToken ct = default, bool useCache = true)
    {
        if (!project.Config.Datasets.TryGetValue(dataset, out var config))
        {
            var known = project.Config.Datasets.Keys.ToList();
            throw RecurException.Invalid($"dataset '{dataset}' is not declared in recur.yaml (declared: {(known.Count == 0 ? "none" : string.Join(", ", known))}); to ingest a file, run: recur ingest FILE --dataset {dataset}", "dataset");
        }
        return IngestSourceAsync(project, dataset, project.Resolve(config.Source), config, null, useCache, ct);
    }

    /// <summary>
    /// Ingests a file, a partitioned folder or stdin ("-") as a dataset. Options start from the
    /// dataset's declaration when there is one; <paramref name="overrides"/> adjusts them.
    /// </summary>
    public static Task<IngestOutcome> RunAsync(RecurProject project, string dataset, string source, Action<DatasetConfig> overrides, Stream? stdin, CancellationToken ct = default, bool useCache = true)
    {
        var config = project.Config.Datasets.TryGetValue(dataset, out var declared) ? declared.Clone() : new DatasetConfig();
        overrides(config);
        var path = source == "-" ? "-" : Path.GetFullPath(source);
        return IngestSourceAsync(project, dataset, path, config, stdin, useCache, ct);
    }

    private static Task<IngestOutcome> IngestSourceAsync(RecurProject project, string dataset, string path, DatasetConfig config, Stream? stdin, bool useCache, CancellationToken ct)
    {
        if (dataset.Length == 0 || dataset.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw RecurException.Invalid($"dataset name '{dataset}' must be letters, digits, '-', '_' or '.'", "dataset");
        }
        var name = path == "-" ? "stdin" : Path.GetRelativePath(project.Root, path).Replace('\\', '/');
        var ingestor = project.Services.GetRequiredService<LakeIngestor>();
        return ingestor.IngestAsync(dataset, path, name, config, stdin, ct, useCache);
    }
}
