using System.CommandLine;
using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Lake.Ingest;

namespace Recur.Cli.Commands;

/// <summary><c>recur feedback FILE.csv</c>: true labels by key, joined later to the prediction log.</summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "CSV with a header row holding a key column and a label column" };
        var keyColumn = new Option<string>("--key-column") { Description = "The key column", DefaultValueFactory = _ => "key" };
        var labelColumn = new Option<string>("--label-column") { Description = "The label column", DefaultValueFactory = _ => "label" };
        var command = new Command("feedback", "Store true labels for logged predictions, by key") { file, keyColumn, labelColumn };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var k = parse.GetValue(keyColumn)!;
            var l = parse.GetValue(labelColumn)!;
            var parsed = DelimitedParser.ParseFile(Path.GetFullPath(parse.GetValue(file)!),
                new DatasetConfig { Header = true, Types = new() { [k] = "text", [l] = "text" } }, parse.GetValue(file)!);
            if (!parsed.Table.Has(k) || !parsed.Table.Has(l)) throw RecurException.Invalid($"{parse.GetValue(file)}: needs columns '{k}' and '{l}'", "--key-column");
            var now = project.Time.GetUtcNow();
            var records = new List<FeedbackRecord>();
            for (var r = 0; r < parsed.Table.RowCount; r++)
            {
                if (parsed.Table[k].Format(r) is { } key && parsed.Table[l].Format(r) is { } label) records.Add(new FeedbackRecord(key, label, now));
            }
            await project.Log.AddAsync(records, ct);
            if (ctx.Json) ctx.WriteJson(new { accepted = records.Count, quarantined = parsed.Quarantined.Count });
            else ctx.Human.WriteLine($"Stored {records.Count} labels ({parsed.Quarantined.Count} rows quarantined)");
            return 0;
        }));
        return command;
    }
}
