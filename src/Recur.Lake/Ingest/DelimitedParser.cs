using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Parses delimited text into a typed table following a dataset's declaration (header or declared
/// names, junk lines skipped, fields trimmed, missing tokens, recodes, declared types). Rows that do
/// not parse are quarantined with their line numbers. A convenience over <see cref="SourceReader"/>
/// for text already in hand and for single files.
/// </summary>
public static class DelimitedParser
{
    /// <summary>Parses a file into a typed table.</summary>
    public static ParsedTable ParseFile(string path, DatasetConfig config, string sourceName)
    {
        if (!File.Exists(path)) throw RecurException.Invalid($"{sourceName}: file not found", "source");
        return Run(() => SourceReader.ReadAsync(path, WithFormat(config), sourceName));
    }

    /// <summary>Parses text into a typed table.</summary>
    public static ParsedTable Parse(TextReader text, DatasetConfig config, string sourceName) =>
        Run(async () =>
        {
            using var source = await SourceParts.OpenTextAsync(text.ReadToEnd(), WithFormat(config), sourceName, CancellationToken.None);
            return await SourceReader.CollectAsync(source, config, sourceName, CancellationToken.None);
        });

    // Delimited text whatever the file's extension, unless tab-separated was declared.
    private static DatasetConfig WithFormat(DatasetConfig config)
    {
        if (config.Format.Length > 0) return config;
        var csv = config.Clone();
        csv.Format = "csv";
        return csv;
    }

    private static ParsedTable Run(Func<Task<ParsedTable>> parse) => Task.Run(parse).GetAwaiter().GetResult();
}
