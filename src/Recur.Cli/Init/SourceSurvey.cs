using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Cli.Init;

/// <summary>One column as <c>recur init</c> found it.</summary>
/// <param name="Name">The column's name (from the header, or column_1… when the file has none).</param>
/// <param name="Type">integer, real or text, as the lake's typer inferred it from the rows read.</param>
/// <param name="Missing">Missing values among the rows read.</param>
/// <param name="Distinct">Distinct non-missing values among the rows read.</param>
/// <param name="Role">What the column is for a model (numeric, categorical, free text, date/time, key), see <see cref="ColumnRoles"/>.</param>
internal sealed record SurveyedColumn(string Name, string Type, int Missing, int Distinct, string Role);

/// <summary>
/// What <c>recur init --source FILE</c> learns from the file, using the lake's own reader and typer:
/// format, delimiter, whether the first line is a header, and each column's type. A large text file is
/// read only up to <see cref="SampleBytes"/> (whole lines), so init stays quick; the types are then
/// those of that sample.
/// </summary>
internal sealed record SourceSurvey(string Format, string? Delimiter, bool Header, IReadOnlyList<SurveyedColumn> Columns, DataTable Table, bool Sampled)
{
    /// <summary>The most of a text file read: 8 MiB, about 80,000 rows of the Adult data.</summary>
    public const long SampleBytes = 8L << 20;

    /// <summary>Reads (a sample of) the file.</summary>
    /// <exception cref="RecurException">The file is absent or unreadable as a table.</exception>
    public static async Task<SourceSurvey> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path)) throw RecurException.Invalid($"--source: no file at {path}", "--source");
        var format = FormatOf(path);
        if (format == "parquet") return Describe(format, null, true, (await SourceReader.ReadAsync(path, new DatasetConfig(), path, ct: ct)).Table, false);
        var sampled = new FileInfo(path).Length > SampleBytes;
        var sample = sampled ? CopyHead(path) : path;
        try
        {
            if (format == "jsonl") return Describe(format, null, true, (await SourceReader.ReadAsync(sample, new DatasetConfig(), path, ct: ct)).Table, sampled);
            var firstLines = File.ReadLines(sample).Where(l => l.Length > 0).Take(20).ToList();
            if (firstLines.Count == 0) throw RecurException.Invalid($"--source: {path} is empty", "--source");
            var delimiter = DelimiterSniffer.Resolve(new DatasetConfig { Format = format }, firstLines, path);
            var fields = firstLines[0].Split(delimiter).Select(f => f.Trim().Trim('"').Trim()).ToList();
            // A first line holding a number is data, not names (the Adult files start "39, State-gov, ...").
            var header = !fields.Any(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            var config = new DatasetConfig { Format = format, Delimiter = delimiter == '\t' ? "\\t" : delimiter.ToString(), Header = header };
            if (!header) config.Columns = [.. Enumerable.Range(1, fields.Count).Select(i => $"column_{i}")];
            var table = (await SourceReader.ReadAsync(sample, config, path, ct: ct)).Table;
            return Describe(format, config.Delimiter, header, table, sampled);
        }
        finally
        {
            if (sampled) File.Delete(sample);
        }
    }

    private static SourceSurvey Describe(string format, string? delimiter, bool header, DataTable table, bool sampled) =>
        new(format, delimiter, header,
            [.. table.Columns.Select(Survey)],
            table, sampled);

    private static SurveyedColumn Survey(DataColumn c)
    {
        var (present, distinct) = ColumnRoles.Counts(c);
        return new SurveyedColumn(c.Name, c.Spec.Type.ToName(), c.Length - present, distinct, ColumnRoles.Infer(c).ToName());
    }

    private static string FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".tsv" or ".tab" => "tsv",
        ".jsonl" or ".ndjson" => "jsonl",
        ".parquet" => "parquet",
        _ => "csv",
    };

    // The first SampleBytes of the file, cut after the last whole line, in a temporary file of the same extension.
    private static string CopyHead(string path)
    {
        var buffer = new byte[SampleBytes];
        int read;
        using (var input = File.OpenRead(path)) read = input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var end = Array.LastIndexOf(buffer, (byte)'\n', read - 1) + 1;
        var sample = Path.Combine(Path.GetTempPath(), $"recur-init-{Guid.NewGuid():N}{Path.GetExtension(path)}");
        using (var output = File.Create(sample)) output.Write(buffer, 0, end > 0 ? end : read);
        return sample;
    }

    /// <summary>The delimiter as people read it: a tab is shown as \t.</summary>
    public string DelimiterShown => Delimiter is null ? "" : Delimiter == "\\t" ? "tab" : $"'{Delimiter}'";

    /// <summary>For the summary line: rows read and whether they were a sample.</summary>
    public string RowsRead => Sampled
        ? string.Create(CultureInfo.InvariantCulture, $"first {Table.RowCount} rows (a sample of the first {SampleBytes >> 20} MiB)")
        : string.Create(CultureInfo.InvariantCulture, $"{Table.RowCount} rows");
}
