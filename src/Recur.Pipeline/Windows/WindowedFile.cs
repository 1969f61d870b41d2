using System.Text;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Features.Windows;
using Recur.Lake.Ingest;

namespace Recur.Pipeline.Windows;

/// <summary>
/// <c>recur windows apply</c>: a file of events → the same rows with the project's window features appended, computed by
/// the batch driver (<see cref="BatchWindows"/>), written as CSV (to a temporary name, then renamed).
/// </summary>
public static class WindowedFile
{
    /// <summary>
    /// Reads <paramref name="source"/>, appends the window columns of <c>features.windows</c>, and returns the table
    /// with the seconds spent computing the windows (reading and writing excluded).
    /// </summary>
    public static async Task<(DataTable Table, double ComputeSeconds)> ApplyAsync(RecurProject project, string source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Config.Features.Windows is not { } windows) throw RecurException.Invalid("recur.yaml declares no features.windows: nothing to apply", "features.windows");
        var plan = WindowPlan.Compile(windows);
        var types = plan.Columns.ToDictionary(c => c, _ => "real", StringComparer.Ordinal);
        var parsed = await SourceReader.ReadAsync(Path.GetFullPath(source), new DatasetConfig { Types = types }, source, ct: ct);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var table = BatchWindows.Apply(parsed.Table, plan);
        return (table, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Writes a table as CSV (header, invariant numbers, RFC 4180 quoting) to <paramref name="path"/>, or to <paramref name="stdout"/> when null.</summary>
    public static void Write(DataTable table, string? path, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stdout);
        if (path is null)
        {
            WriteTo(table, stdout);
            return;
        }
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false))) WriteTo(table, writer);
        File.Move(temp, path, overwrite: true);
    }

    private static void WriteTo(DataTable table, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', table.Columns.Select(c => Quote(c.Name))));
        var line = new StringBuilder();
        for (var row = 0; row < table.RowCount; row++)
        {
            line.Clear();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (c > 0) line.Append(',');
                line.Append(Quote(table.Columns[c].Format(row) ?? ""));
            }
            writer.WriteLine(line);
        }
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
