using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads a whole source into memory as a typed table: a file, a folder of partitioned files
/// (<c>date=2024-01-01/part-0.csv</c>) or stdin ("-"), in its format (csv, tsv, jsonl, parquet; by
/// extension unless declared). For sources too large for memory, <see cref="LakeIngestor"/> streams
/// the same pipeline into a snapshot file instead.
/// </summary>
public static class SourceReader
{
    /// <summary>Reads and types the whole source.</summary>
    public static async Task<ParsedTable> ReadAsync(string path, DatasetConfig config, string sourceName, Stream? stdin = null, CancellationToken ct = default)
    {
        using var source = await SourceParts.OpenAsync(path, config, sourceName, stdin, ct);
        return await CollectAsync(source, config, sourceName, ct);
    }

    internal static async Task<ParsedTable> CollectAsync(SourceParts source, DatasetConfig config, string sourceName, CancellationToken ct)
    {
        var (result, sink) = await IngestPipeline.RunAsync(source, config, sourceName, () => new TableCollector(), ct);
        return new ParsedTable(sink.Table(result.Schema), result.Quarantined, result.Lines, result.Warnings);
    }
}
