using System.CommandLine;
using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Serving.Feedback;

namespace Recur.Cli.Commands;

/// <summary><c>recur feedback FILE.csv</c>: true labels by key, joined later to the prediction log.</summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV with a header row holding a key column and a label column" };
        var keyColumn = new Option<string>("--key-column") { Description = "The key column", DefaultValueFactory = _ => "key" };
        var labelColumn = new Option<string>("--label-column") { Description = "The label column", DefaultValueFactory = _ => "label" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Store the valid labels and list the refused ones (default: refuse the whole file)" };
        var command = new Command("feedback", "Store true labels for logged predictions, by key; every label must be one of the model's classes") { file, keyColumn, labelColumn, skipInvalid };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var k = parse.GetValue(keyColumn)!;
            var l = parse.GetValue(labelColumn)!;
            var parsed = DelimitedParser.ParseFile(Path.GetFullPath(parse.GetValue(file)!),
                new DatasetConfig { Header = true, Types = new() { [k] = "text", [l] = "text" } }, parse.GetValue(file)!);
            if (!parsed.Table.Has(k) || !parsed.Table.Has(l)) throw RecurException.Invalid($"{parse.GetValue(file)}: needs columns '{k}' and '{l}'", "--key-column");
            var plan = await LabelClasses.OfAsync(project.Registry, project.Models, project.Config.Name, ct);
            var classes = plan.ClassNames;
            var now = project.Time.GetUtcNow();
            var records = new List<FeedbackRecord>();
            var refused = new List<RefusedLabel>();
            for (var r = 0; r < parsed.Table.RowCount; r++)
            {
                var key = parsed.Table[k].Format(r);
                var label = parsed.Table[l].Format(r);
                var problem = key is null ? "no key" : label is null ? "no label" : LabelClasses.Problem(label, plan);
                if (problem is null) records.Add(new FeedbackRecord(key!, label!, now));
                else refused.Add(new RefusedLabel(r + 1, key, label, problem));
            }
            var store = refused.Count == 0 || parse.GetValue(skipInvalid);
            // All or nothing by default: a file with a wrong label is refused whole, so a rerun after the fix stores it once.
            if (store) await project.Feedback.AddAsync(records, ct);
            var stored = store ? records.Count : 0;
            if (ctx.Json) ctx.WriteJson(new { accepted = stored, refused = refused.Count, quarantined = parsed.Quarantined.Count, classes, refused_rows = refused });
            else
            {
                foreach (var x in refused.Take(20)) ctx.Human.WriteLine($"refused row {x.Row} (key '{x.Key}'): {x.Reason}");
                if (refused.Count > 20) ctx.Human.WriteLine($"... and {refused.Count - 20} more refused rows (--json lists them all)");
                ctx.Human.WriteLine($"Stored {stored} labels, refused {refused.Count} ({parsed.Quarantined.Count} rows quarantined)");
            }
            if (!store) await Console.Error.WriteLineAsync($"error: {refused.Count} of {parsed.Table.RowCount} rows have a label that does not fit the model ({(plan.Task == Core.Modeling.ModelTask.Regression ? "a number" : "classes: " + string.Join(", ", classes))}); nothing was stored (fix them, or pass --skip-invalid)");
            return store ? 0 : CommandContext.Failed;
        }));
        return command;
    }

    /// <summary>A feedback row that was not stored, and why.</summary>
    internal sealed record RefusedLabel(int Row, string? Key, string? Label, string Reason);
}
