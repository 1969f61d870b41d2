using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Lake.Validation;
using Recur.Pipeline;

namespace Recur.Cli.Commands;

/// <summary><c>recur validate TARGET [--against SCHEMA|SNAPSHOT]</c>: anomalies per column; exit 4 on an error-severity anomaly.</summary>
internal static class ValidateCommand
{
    /// <summary>Exit code when an anomaly of error severity is found.</summary>
    public const int Anomalous = 4;

    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "A snapshot id (or prefix), a dataset name (newest snapshot), or a data file (e.g. a serving batch)" };
        var against = new Option<string?>("--against") { Description = "A schema file or a snapshot to compare with (default: recur.yaml's 'schema')" };
        var environment = new Option<string?>("--environment") { Description = "An environment declared in the schema, e.g. serving (the label is absent)" };
        var maxShare = new Option<double?>("--max-anomaly-share")
        {
            Description = "Against a snapshot (an inferred schema): a value anomaly touching more than this share of rows is an error (default: recur.yaml's validation.max_anomaly_share, 0.01)",
        };
        var command = new Command("validate", "Check data against the reviewed schema: missing or extra columns, type changes, unseen categories, ranges, missing rates, duplicate keys")
        {
            target, against, environment, maxShare,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var (name, table) = await LoadTargetAsync(project, parse.GetValue(target)!, ct);
            var share = MaxShare(parse.GetValue(maxShare) ?? project.Config.Validation.MaxAnomalyShare);
            var (schema, reference) = await SchemaAsync(project, parse.GetValue(against), share, ct);
            var result = Validator.Validate(table, schema, parse.GetValue(environment));
            if (ctx.Json)
            {
                ctx.WriteJson(new { target = name, rows = table.RowCount, reference, max_anomaly_share = schema.MaxAnomalyShare, anomalies = result.Anomalies, ok = result.Ok });
            }
            else
            {
                var rows = Tables.Of("column", "kind", "severity", "count", "share", "examples", "detail");
                foreach (var a in result.Anomalies) rows.Row(a.Column, a.Kind, a.Severity, a.Count, a.Share.ToString("0.##%", CultureInfo.InvariantCulture), string.Join(", ", a.Examples), a.Detail);
                ctx.Human.WriteLine(schema.MaxAnomalyShare is { } most
                    ? $"against {reference}: a value anomaly touching more than {most.ToString("0.##%", CultureInfo.InvariantCulture)} of rows is an error"
                    : $"against {reference}");
                if (result.Anomalies.Count > 0) ctx.Human.Write(rows);
                ctx.Human.WriteLine(result.Ok ? $"{name}: ok ({result.Anomalies.Count} warnings)" : $"{name}: FAILED validation");
            }
            return result.Ok ? 0 : Anomalous;
        }));
        return command;
    }

    private static async Task<(string Name, DataTable Table)> LoadTargetAsync(RecurProject project, string target, CancellationToken ct)
    {
        if (File.Exists(target) || Directory.Exists(target))
        {
            var parsed = await SourceReader.ReadAsync(Path.GetFullPath(target), MissingTokens(project), target, ct: ct);
            return (target, parsed.Table);
        }
        var snapshot = await project.ResolveSnapshotAsync(target, ct);
        return (snapshot.Id[..12], await project.ReadAsync(snapshot, ct));
    }

    // A committed schema file decides severities itself; a schema inferred from a snapshot has had no review,
    // so its value anomalies are graded by the share of rows they touch.
    private static async Task<(DataSchema Schema, string Reference)> SchemaAsync(RecurProject project, string? against, double maxShare, CancellationToken ct)
    {
        var path = project.Resolve(against ?? project.Config.Schema);
        if (File.Exists(path)) return (SchemaFile.Load(path), $"schema file {Path.GetRelativePath(project.Root, path).Replace('\\', '/')}");
        if (against is null) throw RecurException.Invalid($"no schema file at {Path.GetRelativePath(project.Root, path)}; run 'recur schema infer DATASET' and review it, or pass --against", "--against");
        var reference = await project.ResolveSnapshotAsync(against, ct);
        var keys = project.Config.Key is { } k ? new[] { k } : null;
        var schema = SchemaInference.Infer(await project.ReadAsync(reference, ct), new SchemaInferenceOptions(Key: keys));
        schema.MaxAnomalyShare = maxShare;
        return (schema, $"schema inferred from snapshot {reference.Id[..12]}");
    }

    private static double MaxShare(double share) => share is >= 0 and <= 1
        ? share
        : throw RecurException.Invalid($"--max-anomaly-share must be in [0, 1] (a share of rows, e.g. 0.01), not {share.ToString(CultureInfo.InvariantCulture)}", "--max-anomaly-share");

    private static DatasetConfig MissingTokens(RecurProject project) =>
        new() { Missing = project.Config.Datasets.Values.SelectMany(d => d.Missing).Distinct().ToList() };
}
