using System.CommandLine;
using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Monitoring.Live;
using Recur.Pipeline;
using Recur.Pipeline.Feedback;
using Recur.Serving.Feedback;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur feedback FILE.csv</c>: true labels by key, classified (matched, duplicate, conflicting, unknown key, late,
/// expired, clock skew) and appended to the feedback event log; <c>--poll</c> ingests the watched source once;
/// <c>recur feedback report</c> summarises the whole log.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("file") { Description = "CSV with a header row holding a key column and a label column (optionally an event-time column)", Arity = ArgumentArity.ZeroOrOne };
        var keyColumn = new Option<string>("--key-column") { Description = "The key column", DefaultValueFactory = _ => "key" };
        var labelColumn = new Option<string>("--label-column") { Description = "The label column", DefaultValueFactory = _ => "label" };
        var timeColumn = new Option<string?>("--time-column") { Description = "The column with each label's event time (ISO-8601); without it, labels take the time they are stored" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Store the valid labels and list the refused ones (default: refuse the whole file)" };
        var poll = new Option<bool>("--poll") { Description = "Ingest the new files of monitoring.feedback.source once (instead of FILE)" };
        var command = new Command("feedback", "Store true labels for logged predictions, by key, and count how each was classified; every label must fit the model")
        {
            file, keyColumn, labelColumn, timeColumn, skipInvalid, poll,
        };
        command.Subcommands.Add(Report());
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var path = parse.GetValue(file);
            if (parse.GetValue(poll))
            {
                if (path is not null) throw RecurException.Invalid($"give either FILE ('{path}') or --poll, not both", "--poll");
                return Poll(ctx, await FeedbackSource.PollAsync(project, ct));
            }
            if (path is null) throw RecurException.Invalid("FILE is required (a CSV of key,label rows), or --poll to read monitoring.feedback.source", "file");
            return await StoreAsync(ctx, project, path, parse.GetValue(keyColumn)!, parse.GetValue(labelColumn)!, parse.GetValue(timeColumn), parse.GetValue(skipInvalid), ct);
        }));
        return command;
    }

    private static async Task<int> StoreAsync(CommandContext ctx, RecurProject project, string path, string key, string label, string? time, bool skipInvalid, CancellationToken ct)
    {
        var plan = await LabelClasses.OfAsync(project.Registry, project.Models, project.Config.Name, ct);
        var now = project.Time.GetUtcNow();
        var content = FeedbackCsv.Read(Path.GetFullPath(path), path, plan, key, label, time, time is not null, now);
        var refused = content.Refused;
        var store = refused.Count == 0 || skipInvalid;
        // All or nothing by default: a file with a wrong label is refused whole, so a rerun after the fix stores it once.
        var counts = store
            ? await FeedbackIntake.IngestAsync(project.Feedback, project.Log, project.Config.Name, content.Labels, FeedbackRules.From(project.Config.Monitoring.Feedback), now, "cli:" + Path.GetFileName(path), null, ct)
            : null;
        var stored = store ? content.Labels.Count : 0;
        if (ctx.Json)
        {
            ctx.WriteJson(new { accepted = stored, refused = refused.Count, quarantined = content.Quarantined, classes = plan.ClassNames, counts, refused_rows = refused });
        }
        else
        {
            foreach (var x in refused.Take(20)) ctx.Human.WriteLine($"refused row {x.Row} (key '{x.Key}'): {x.Reason}");
            if (refused.Count > 20) ctx.Human.WriteLine($"... and {refused.Count - 20} more refused rows (--json lists them all)");
            ctx.Human.WriteLine($"Stored {stored} labels, refused {refused.Count} ({content.Quarantined} rows quarantined)");
            if (counts is not null) ctx.Human.WriteLine(counts.Summary);
        }
        if (!store)
        {
            await Console.Error.WriteLineAsync($"error: {refused.Count} of {content.Rows} rows have a label that does not fit the model ({(plan.Task == Core.Modeling.ModelTask.Regression ? "a number" : "classes: " + string.Join(", ", plan.ClassNames))}); nothing was stored (fix them, or pass --skip-invalid)");
        }
        return store ? 0 : CommandContext.Failed;
    }

    private static int Poll(CommandContext ctx, FeedbackPoll result)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(result);
            return 0;
        }
        foreach (var f in result.Files)
        {
            ctx.Human.WriteLine($"{f.Status,-8} {f.Path}" + (f.Counts is { } c ? $": {c.Summary}" : "") + (f.Refused > 0 ? $"; {f.Refused} rows refused" : "") + (f.Message is { } m ? $" ({m})" : ""));
        }
        ctx.Human.WriteLine($"{result.Source}: {result.Files.Count(f => f.Status is "ingested" or "changed")} new file(s) of {result.Files.Count}; {result.Counts.Summary}");
        return 0;
    }

    private static Command Report()
    {
        var command = new Command("report", "Summarise the whole feedback log: every label reclassified in order against the predictions logged now");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var summary = await FeedbackReport.BuildAsync(project.Feedback, project.Log, project.Config.Name, FeedbackRules.From(project.Config.Monitoring.Feedback), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(summary);
                return 0;
            }
            ctx.Human.WriteLine($"{summary.Events} feedback events (last seq {summary.LastSeq}) for {summary.Keys} keys; {summary.PendingKeys} keys still without a logged prediction; {summary.Files} source files ingested");
            ctx.Human.WriteLine(summary.Counts.Summary);
            return 0;
        }));
        return command;
    }
}
