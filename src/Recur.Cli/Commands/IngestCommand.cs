using System.CommandLine;
using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur ingest DATASET</c> (a dataset declared in recur.yaml) or <c>recur ingest SOURCE --dataset NAME</c>
/// (a file, a partitioned folder, or - for stdin): an immutable, content-addressed snapshot.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "A dataset declared in recur.yaml; or, with --dataset, a file, a folder of partitioned files, or - for stdin" };
        var dataset = new Option<string?>("--dataset", "-d") { Description = "The dataset to ingest SOURCE into" };
        var format = new Option<string?>("--format") { Description = "csv, tsv, jsonl or parquet (default: by extension)" };
        var delimiter = new Option<string?>("--delimiter") { Description = "Field delimiter (default: detected); \\t for tab" };
        var quote = new Option<string?>("--quote") { Description = "Quote character: \" (default, RFC 4180), none (quotes are plain text), or another punctuation character" };
        var noHeader = new Option<bool>("--no-header") { Description = "The first line is data; name the columns with --columns" };
        var columns = new Option<string?>("--columns") { Description = "Comma-separated column names" };
        var missing = new Option<string[]>("--missing") { Description = "A value meaning missing (repeatable), e.g. --missing ? --missing NA", AllowMultipleArgumentsPerToken = false };
        var encoding = new Option<string?>("--encoding") { Description = "utf-8 (default) or latin1" };
        var skip = new Option<int?>("--skip-lines") { Description = "Junk lines to skip at the top" };
        var noCache = new Option<bool>("--no-cache") { Description = "Read every file, even those unchanged (same size and modification time) since they were last ingested" };
        var command = new Command("ingest", "Ingest data into the lake as an immutable snapshot; malformed rows are quarantined with their line numbers")
        {
            target, dataset, format, delimiter, quote, noHeader, columns, missing, encoding, skip, noCache,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var outcome = parse.GetValue(dataset) is { } name
                ? await IngestStep.RunAsync(project, name, parse.GetValue(target)!, c =>
                {
                    if (parse.GetValue(format) is { } f) c.Format = f;
                    if (parse.GetValue(delimiter) is { } d) c.Delimiter = d;
                    if (parse.GetValue(quote) is { } q) c.Quote = QuoteSetting.Parse(q, "--quote") is { } ch ? ch.ToString() : QuoteSetting.None;
                    if (parse.GetValue(noHeader)) c.Header = false;
                    if (parse.GetValue(columns) is { } cols) c.Columns = cols.Split(',').Select(x => x.Trim()).ToList();
                    if (parse.GetValue(missing) is { Length: > 0 } m) c.Missing = [.. m];
                    if (parse.GetValue(encoding) is { } e) c.Encoding = e;
                    if (parse.GetValue(skip) is { } s) c.SkipLines = s;
                }, Console.OpenStandardInput(), ct, useCache: !parse.GetValue(noCache))
                : await IngestStep.RunAsync(project, parse.GetValue(target)!, ct, useCache: !parse.GetValue(noCache));
            var s = outcome.Snapshot;
            var warnings = outcome.Warnings ?? [];
            foreach (var warning in warnings) await Console.Error.WriteLineAsync($"warning: {warning}");
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    dataset = s.Dataset, snapshot = s.Id, rows = s.Rows, quarantined = outcome.Quarantined.Count, reused = outcome.Reused,
                    parts_from_cache = outcome.PartsFromCache,
                    lines = outcome.Lines is { } l ? new
                    {
                        physical = l.Physical, skipped = l.Skipped, header = l.Header, blank = l.Blank, rows = l.Rows, quarantined = l.Quarantined,
                        merged = l.Merged, accounted = l.Accounted, balanced = l.Balanced,
                    } : null,
                    warnings,
                    quarantine = outcome.Quarantined.Take(20).Select(q => new { q.Source, q.Line, q.Reason }),
                });
                return 0;
            }
            ctx.Human.WriteLine($"{(outcome.Reused ? "Reused" : "Stored")} snapshot {s.Id[..12]} of '{s.Dataset}': {s.Rows} rows, {outcome.Quarantined.Count} quarantined");
            if (outcome.Lines is { } lines)
            {
                ctx.Human.WriteLine($"  lines: {lines.Physical} = {lines.Rows} rows + {lines.Quarantined} quarantined + {lines.Merged} merged"
                    + $" + {lines.Header + lines.Blank + lines.Skipped} header/blank/skipped{(lines.Balanced ? "" : $" (only {lines.Accounted} accounted for)")}");
            }
            foreach (var q in outcome.Quarantined.Take(10)) ctx.Human.WriteLine($"  quarantined {q.Source}:{q.Line}: {q.Reason}");
            if (outcome.Quarantined.Count > 10) ctx.Human.WriteLine($"  … see: recur data quarantine {s.Id[..12]}");
            return 0;
        }));
        return command;
    }
}
