using Recur.Core;
using Recur.Serving.Batch;

namespace Recur.Pipeline.Batch;

/// <summary>
/// Opens what <c>recur predict INPUT</c> names: a file by its extension (<c>.parquet</c>, <c>.jsonl</c> or
/// <c>.ndjson</c>, else delimited text), or, when no such file exists, a lake snapshot by dataset name
/// (its newest snapshot) or snapshot id, as <c>recur eval --data</c> resolves them.
/// </summary>
public static class BatchSources
{
    /// <summary>The source for <paramref name="input"/>; NotFound when it is neither a file nor a snapshot.</summary>
    public static async Task<IBatchSource> OpenAsync(RecurProject project, string input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(input);
        if (File.Exists(input))
        {
            var name = Path.GetFileName(input);
            if (input.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return new ParquetBatchSource(input, name);
            if (PredictionFileSink.IsJsonLines(input)) return new JsonLinesBatchSource(input, name);
            return new CsvBatchSource(input, name);
        }
        if (Directory.Exists(input)) throw RecurException.Invalid($"{input} is a folder; give a CSV, Parquet or JSON Lines file, or a snapshot", "input");
        if (input.Contains('/') || input.Contains('\\') || Path.HasExtension(input)) throw RecurException.NotFound($"no file '{input}'");
        var snapshot = await project.ResolveSnapshotAsync(input, ct);
        return new TableBatchSource(c => project.ReadBatchesAsync(snapshot, c), [.. snapshot.Schema.Select(s => s.Name)],
            $"dataset '{snapshot.Dataset}', snapshot {snapshot.Id[..12]}");
    }
}
