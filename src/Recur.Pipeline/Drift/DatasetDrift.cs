using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Monitoring.Drift;

namespace Recur.Pipeline.Drift;

/// <summary>
/// Compares any two datasets column by column (<c>recur drift REFERENCE CURRENT</c>): each side is a file or a
/// lake snapshot; the tests, thresholds and correction are recur.yaml's <c>monitoring:</c> with the request's
/// overrides, the same rules <c>recur monitor</c> applies.
/// </summary>
public static class DatasetDrift
{
    /// <summary>
    /// Reads both sides and compares them. <paramref name="project"/> may be null outside a project: both sides
    /// must then be files, compared with the default monitoring settings.
    /// </summary>
    public static async Task<DriftComparison> CompareAsync(RecurProject? project, DriftRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var time = project?.Time ?? TimeProvider.System;
        var started = time.GetTimestamp();
        var reference = await ReadAsync(project, request.Reference, "reference", ct);
        var current = await ReadAsync(project, request.Current, "current", ct);
        var read = time.GetElapsedTime(started);

        var (columns, onlyReference, onlyCurrent) = Columns(project?.Config, request, reference, current);
        var identifiers = request.Columns is { Count: > 0 } ? [] : columns.Where(c => IsIdentifier(reference.Table[c])).ToList();
        columns = columns.Except(identifiers).ToList();
        if (columns.Count == 0) throw RecurException.Invalid($"every column shared by {reference.Named} and {current.Named} is an identifier ({string.Join(", ", identifiers)}); name the columns to compare with --columns", "--columns");
        var config = Settings(project?.Config.Monitoring ?? new MonitoringConfig(), request, columns, reference);
        started = time.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var report = DriftDetector.Detect(reference.Table, current.Table, columns, config, request.EveryTest);
        return new DriftComparison(reference.Info, current.Info, report, onlyReference, onlyCurrent, read, time.GetElapsedTime(started))
        {
            StatisticsCpuTime = Environment.CpuUsage.TotalTime - cpu,
            Identifiers = identifiers,
        };
    }

    private sealed record Side(string Role, DriftSideInfo Info, DataTable Table)
    {
        public string Named => $"the {Role} ({Info.Source})";
    }

    private static async Task<Side> ReadAsync(RecurProject? project, string source, string role, CancellationToken ct)
    {
        DataTable table;
        string description;
        var quarantined = 0;
        if (File.Exists(source))
        {
            description = $"file {source}";
            var missing = new DatasetConfig { Missing = project?.Config.Datasets.Values.SelectMany(d => d.Missing).Distinct().ToList() ?? [] };
            var parsed = await SourceReader.ReadAsync(Path.GetFullPath(source), missing, source, ct: ct);
            table = parsed.Table;
            quarantined = parsed.Quarantined.Count;
        }
        else if (Directory.Exists(source))
        {
            throw RecurException.Invalid($"{role} '{source}' is a folder; give a CSV, TSV, JSON Lines or Parquet file, a dataset name or a snapshot id", role);
        }
        else if (project is null || source.Contains('/') || source.Contains('\\') || Path.HasExtension(source))
        {
            throw RecurException.NotFound(project is null
                ? $"{role} '{source}': no such file (a dataset name or snapshot id needs a project: pass --project)"
                : $"{role} '{source}': no such file, dataset or snapshot");
        }
        else
        {
            var snapshot = await project.ResolveSnapshotAsync(source, ct);
            description = $"dataset '{snapshot.Dataset}', snapshot {snapshot.Id[..12]}";
            table = await project.ReadAsync(snapshot, ct);
        }
        if (table.RowCount == 0) throw RecurException.Invalid($"the {role} ({description}) has no rows; there is nothing to compare", role);
        return new Side(role, new DriftSideInfo(description, table.RowCount) { Quarantined = quarantined }, table);
    }

    private static (List<string> Columns, List<string> OnlyReference, List<string> OnlyCurrent) Columns(ProjectConfig? config, DriftRequest request, Side reference, Side current)
    {
        var onlyReference = reference.Table.Columns.Select(c => c.Name).Where(n => !current.Table.Has(n)).ToList();
        var onlyCurrent = current.Table.Columns.Select(c => c.Name).Where(n => !reference.Table.Has(n)).ToList();
        List<string> columns;
        if (request.Columns is { Count: > 0 } asked)
        {
            foreach (var name in asked)
            {
                if (!reference.Table.Has(name)) throw RecurException.Invalid($"--columns: column '{name}' is not in {reference.Named}", "--columns");
                if (!current.Table.Has(name)) throw RecurException.Invalid($"--columns: column '{name}' is not in {current.Named}", "--columns");
            }
            columns = asked.Distinct().ToList();
        }
        else
        {
            columns = reference.Table.Columns.Select(c => c.Name).Where(n => current.Table.Has(n) && n != config?.Key).ToList();
            if (columns.Count == 0) throw RecurException.Invalid($"{reference.Named} and {current.Named} share no column to compare", "columns");
        }
        foreach (var name in columns)
        {
            var (a, b) = (reference.Table[name], current.Table[name]);
            if (a.Spec.Type.IsNumeric() != b.Spec.Type.IsNumeric())
            {
                throw RecurException.Invalid(
                    $"column '{name}' is {Kind(a)} in {reference.Named} but {Kind(b)} in {current.Named}; declare its type (datasets.NAME.types) or leave it out with --columns",
                    name);
            }
        }
        return (columns, onlyReference, onlyCurrent);
    }

    // A text column whose reference values never repeat (with enough rows to tell) identifies rows rather than describing them.
    private static bool IsIdentifier(DataColumn column)
    {
        if (column is not TextColumn text || text.Length < MinIdentifierRows) return false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in text.Values)
        {
            if (value is null || !seen.Add(value)) return false;
        }
        return true;
    }

    private const int MinIdentifierRows = 30;

    private static string Kind(DataColumn column) => column.Spec.Type.IsNumeric() ? $"numeric ({column.Spec.Type.ToName()})" : "text";

    // recur.yaml's monitoring section with the command line's overrides; validated like recur.yaml is.
    private static MonitoringConfig Settings(MonitoringConfig project, DriftRequest request, IReadOnlyList<string> columns, Side reference)
    {
        var rules = project.Columns.ToDictionary(p => p.Key, p => new DriftColumnConfig { Test = p.Value?.Test ?? "", Threshold = p.Value?.Threshold });
        DriftColumnConfig Rule(string column) => rules.TryGetValue(column, out var rule) ? rule : rules[column] = new DriftColumnConfig();
        foreach (var (column, test) in request.Tests ?? new Dictionary<string, string>())
        {
            if (!DriftTests.Exists(test)) throw RecurException.Invalid($"--test {column}={test}: '{test}' is not a drift test (one of: {string.Join(", ", DriftTests.Names)})", "--test");
            if (!columns.Contains(column)) throw RecurException.Invalid($"--test {column}={test}: column '{column}' is not among the columns compared ({string.Join(", ", columns)})", "--test");
            var numeric = reference.Table[column].Spec.Type.IsNumeric();
            if (!DriftTests.AppliesTo(test, numeric))
            {
                throw RecurException.Invalid($"--test {column}={test}: {test} compares {DriftTests.KindsOf(test)} columns, but '{column}' is {(numeric ? "numeric" : "text")}", "--test");
            }
            Rule(column).Test = test;
        }
        if (request.Threshold is { } all)
        {
            if (!(all > 0) || !double.IsFinite(all)) throw RecurException.Invalid($"--threshold: must be a positive number, not {all}", "--threshold");
            foreach (var column in columns) Rule(column).Threshold = all;
        }
        foreach (var (column, threshold) in request.ColumnThresholds ?? new Dictionary<string, double>())
        {
            if (!columns.Contains(column)) throw RecurException.Invalid($"--threshold {column}=…: column '{column}' is not among the columns compared", "--threshold");
            if (!(threshold > 0) || !double.IsFinite(threshold)) throw RecurException.Invalid($"--threshold {column}=…: must be a positive number, not {threshold}", "--threshold");
            Rule(column).Threshold = threshold;
        }
        var correction = request.Correction ?? project.Correction;
        if (!MultipleTestingNames.Contains(correction)) throw RecurException.Invalid($"--correction: '{correction}' is not a correction (one of: {string.Join(", ", MultipleTestingNames)})", "--correction");
        return new MonitoringConfig
        {
            PValue = project.PValue,
            DistanceThreshold = project.DistanceThreshold,
            TestReferenceMaxRows = project.TestReferenceMaxRows,
            MinRowsPerTest = project.MinRowsPerTest,
            Correction = correction,
            Columns = rules,
        };
    }

    private static readonly string[] MultipleTestingNames = ["bonferroni", "bh", "none"];
}
