using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads a source — a file, a folder of partitioned files (<c>date=2024-01-01/part-0.csv</c>) or stdin
/// ("-") — in its format (csv, tsv, jsonl, parquet; by extension unless declared). Partition folders
/// become columns. Files are read in ordinal path order, so the result never depends on the disk.
/// </summary>
public static class SourceReader
{
    /// <summary>Reads and types the whole source.</summary>
    public static async Task<ParsedTable> ReadAsync(string path, DatasetConfig config, string sourceName, TextReader? stdin = null, CancellationToken ct = default)
    {
        RawTable raw;
        if (path == "-")
        {
            raw = ReadText(stdin ?? Console.In, config, Format(config, "stdin"), "stdin");
        }
        else if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw RecurException.Invalid($"{sourceName}: the folder holds no files", "source");
            raw = new RawTable([]);
            foreach (var file in files)
            {
                var name = Path.Combine(sourceName, Path.GetRelativePath(path, file)).Replace('\\', '/');
                var part = await ReadFileAsync(file, config, name, ct);
                AddPartitions(part, Path.GetRelativePath(path, file));
                raw.Append(part);
            }
        }
        else if (File.Exists(path))
        {
            raw = await ReadFileAsync(path, config, sourceName, ct);
        }
        else
        {
            throw RecurException.Invalid($"{sourceName}: no such file or folder", "source");
        }
        IngestTrace.Write($"read {raw.Rows.Count} rows");
        return TableBuilder.Build(raw, config, sourceName);
    }

    private static async Task<RawTable> ReadFileAsync(string path, DatasetConfig config, string sourceName, CancellationToken ct)
    {
        var format = Format(config, path);
        if (format == "parquet") return await ParquetSourceReader.ReadAsync(path, sourceName, ct);
        await using var stream = File.OpenRead(path);
        using var text = SourceText.Open(stream, config.Encoding, sourceName);
        return ReadText(text, config, format, sourceName);
    }

    private static RawTable ReadText(TextReader text, DatasetConfig config, string format, string sourceName) => format switch
    {
        "jsonl" => JsonLinesReader.Read(text, config, sourceName),
        "tsv" => DelimitedParser.Read(text, WithTsv(config), sourceName),
        _ => DelimitedParser.Read(text, config, sourceName),
    };

    private static string Format(DatasetConfig config, string path)
    {
        if (config.Format.Length > 0)
        {
            var declared = config.Format.ToLowerInvariant();
            return declared is "csv" or "tsv" or "jsonl" or "parquet" ? declared
                : throw RecurException.Invalid($"format '{config.Format}' is not one of csv, tsv, jsonl, parquet", "format");
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".tsv" or ".tab" => "tsv",
            ".jsonl" or ".ndjson" => "jsonl",
            ".parquet" => "parquet",
            _ => "csv",
        };
    }

    private static DatasetConfig WithTsv(DatasetConfig config)
    {
        var tsv = config.Clone();
        tsv.Format = "tsv";
        return tsv;
    }

    // Hive-style partition folders (key=value) become columns of every row below them.
    private static void AddPartitions(RawTable part, string relativePath)
    {
        var segments = relativePath.Replace('\\', '/').Split('/')[..^1];
        foreach (var segment in segments)
        {
            var eq = segment.IndexOf('=');
            if (eq <= 0) continue;
            var (key, value) = (segment[..eq], Uri.UnescapeDataString(segment[(eq + 1)..]));
            if (part.Names.Contains(key)) continue;
            part.Names.Add(key);
            for (var i = 0; i < part.Rows.Count; i++) part.Rows[i] = part.Rows[i] with { Values = [.. part.Rows[i].Values, value] };
        }
    }
}
