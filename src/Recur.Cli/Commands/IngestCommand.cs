using System.CommandLine;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary><c>recur ingest DATASET [--source FILE]</c>: a content-addressed snapshot in the lake.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "A dataset declared under 'datasets:' in recur.yaml" };
        var source = new Option<string?>("--source") { Description = "Read this file instead of the declared source" };
        var command = new Command("ingest", "Ingest a dataset into the lake as an immutable snapshot; malformed rows are quarantined") { dataset, source };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var outcome = await IngestStep.RunAsync(project, parse.GetValue(dataset)!, parse.GetValue(source), ct);
            var s = outcome.Snapshot;
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    dataset = s.Dataset, snapshot = s.Id, rows = s.Rows, quarantined = outcome.Quarantined.Count, reused = outcome.Reused,
                    quarantine = outcome.Quarantined.Take(20).Select(q => new { q.Source, q.Line, q.Reason }),
                });
                return 0;
            }
            ctx.Human.WriteLine($"{(outcome.Reused ? "Reused" : "Stored")} snapshot {s.Id[..12]} of '{s.Dataset}': {s.Rows} rows, {outcome.Quarantined.Count} quarantined");
            foreach (var q in outcome.Quarantined.Take(10)) ctx.Human.WriteLine($"  quarantined {q.Source}:{q.Line}: {q.Reason}");
            return 0;
        }));
        return command;
    }
}
