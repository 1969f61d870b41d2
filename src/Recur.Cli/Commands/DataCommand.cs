using System.CommandLine;
using Recur.Pipeline.Data;

namespace Recur.Cli.Commands;

/// <summary><c>recur data list|show|diff|quarantine</c>: the lake's snapshots.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var command = new Command("data", "Inspect the lake: snapshots, differences between them, quarantined rows");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Diff());
        command.Subcommands.Add(Quarantine());
        command.Subcommands.Add(Bridge());
        return command;
    }

    private static Command Bridge()
    {
        var name = new Argument<string>("name") { Description = "A bridge declared under 'bridges:' in recur.yaml" };
        var bridge = new Command("bridge", "Map old rows onto a changed categorical column with the new data's probabilities; store old + new as one derived snapshot") { name };
        bridge.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var o = await Pipeline.Steps.BridgeStep.RunAsync(ctx.OpenProject(), parse.GetValue(name)!, ct);
            var s = o.Stored.Snapshot;
            if (ctx.Json) { ctx.WriteJson(new { dataset = s.Dataset, snapshot = s.Id, rows = s.Rows, bridged = o.BridgedRows, parents = s.Parents, probabilities = o.Probabilities, reused = o.Stored.Reused }); return 0; }
            ctx.Human.WriteLine($"Stored snapshot {s.Id[..12]} of '{s.Dataset}': {s.Rows} rows, {o.BridgedRows} old rows bridged; parents {o.Old[..12]}, {o.New[..12]}");
            foreach (var (from, p) in o.Probabilities) ctx.Human.WriteLine($"  {from} -> {string.Join(", ", p.Select(x => $"{x.Key} {x.Value:0.###}"))}");
            return 0;
        }));
        return bridge;
    }

    private static Argument<string> SnapshotArgument(string name = "snapshot") =>
        new(name) { Description = "A snapshot id (or a unique prefix of 8+ characters), or a dataset name for its newest snapshot" };

    private static Command List()
    {
        var dataset = new Option<string?>("--dataset") { Description = "Only this dataset's snapshots" };
        var list = new Command("list", "List snapshots, newest first") { dataset };
        list.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var snapshots = await ctx.OpenProject().Catalog.ListAsync(parse.GetValue(dataset), ct);
            if (ctx.Json) { ctx.WriteJson(new { snapshots = snapshots.Select(s => new { s.Id, s.Dataset, s.Rows, s.Quarantined, s.Source, s.CreatedAt }) }); return 0; }
            var table = Tables.Of("dataset", "snapshot", "rows", "quarantined", "source", "created");
            foreach (var s in snapshots) table.Row(s.Dataset, s.Id[..12], s.Rows, s.Quarantined, s.Source, s.CreatedAt.ToString("u"));
            ctx.Human.Write(table);
            return 0;
        }));
        return list;
    }

    private static Command Show()
    {
        var snapshot = SnapshotArgument();
        var show = new Command("show", "Show a snapshot: rows, source, schema, lineage") { snapshot };
        show.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var s = await ctx.OpenProject().ResolveSnapshotAsync(parse.GetValue(snapshot)!, ct);
            if (ctx.Json) { ctx.WriteJson(s); return 0; }
            ctx.Human.WriteLine($"snapshot {s.Id} of '{s.Dataset}': {s.Rows} rows, {s.Quarantined} quarantined, from {s.Source}, {s.CreatedAt:u}");
            if (s.Parents.Count > 0) ctx.Human.WriteLine($"derived from {string.Join(", ", s.Parents.Select(p => p[..12]))}");
            var table = Tables.Of("column", "type", "nullable");
            foreach (var c in s.Schema) table.Row(c.Name, c.Type.ToString().ToLowerInvariant(), c.Nullable);
            ctx.Human.Write(table);
            return 0;
        }));
        return show;
    }

    private static Command Diff()
    {
        var a = SnapshotArgument("a");
        var b = SnapshotArgument("b");
        var key = new Option<string?>("--key") { Description = "Comma-separated key columns (default: recur.yaml 'key'; else whole rows)" };
        var diff = new Command("diff", "Rows added, removed and changed (by key), schema changes and statistic shifts from A to B") { a, b, key };
        diff.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var sa = await project.ResolveSnapshotAsync(parse.GetValue(a)!, ct);
            var sb = await project.ResolveSnapshotAsync(parse.GetValue(b)!, ct);
            var keys = parse.GetValue(key)?.Split(',').Select(k => k.Trim()).ToList() ?? (project.Config.Key is { } k ? [k] : []);
            var result = SnapshotDiff.Compare(sa, await project.ReadAsync(sa, ct), sb, await project.ReadAsync(sb, ct), keys);
            if (ctx.Json) { ctx.WriteJson(result); return 0; }
            ctx.Human.WriteLine($"{sa.Id[..12]} ({result.RowsBefore} rows) -> {sb.Id[..12]} ({result.RowsAfter} rows), by {(result.Key.Count > 0 ? string.Join(",", result.Key) : "whole rows")}: " +
                $"{result.Added} added, {result.Removed} removed, {result.Changed} changed, {result.Unchanged} unchanged");
            foreach (var c in result.SchemaChanges) ctx.Human.WriteLine($"  column '{c.Column}' {c.Change}: {c.Before ?? "-"} -> {c.After ?? "-"}");
            var table = Tables.Of("column", "distance", "test", "missing before", "missing after", "mean before", "mean after");
            foreach (var s in result.Shifts.OrderByDescending(s => double.IsNaN(s.Distance) ? -1 : s.Distance))
            {
                table.Row(s.Column, s.Distance, s.Test, s.MissingRateBefore, s.MissingRateAfter, s.MeanBefore, s.MeanAfter);
            }
            ctx.Human.Write(table);
            return 0;
        }));
        return diff;
    }

    private static Command Quarantine()
    {
        var snapshot = SnapshotArgument();
        var quarantine = new Command("quarantine", "List a snapshot's quarantined rows with their line numbers and reasons") { snapshot };
        quarantine.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var s = await project.ResolveSnapshotAsync(parse.GetValue(snapshot)!, ct);
            var rows = await project.Catalog.QuarantineAsync(s.Id, ct);
            if (ctx.Json) { ctx.WriteJson(new { snapshot = s.Id, rows }); return 0; }
            var table = Tables.Of("source", "line", "reason", "row");
            foreach (var r in rows) table.Row(r.Source, r.Line, r.Reason, r.Raw.Length > 60 ? r.Raw[..60] + "…" : r.Raw);
            ctx.Human.Write(table);
            return 0;
        }));
        return quarantine;
    }
}
