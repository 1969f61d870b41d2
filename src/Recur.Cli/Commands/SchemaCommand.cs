using System.CommandLine;
using Recur.Lake.Validation;

namespace Recur.Cli.Commands;

/// <summary><c>recur schema infer SNAPSHOT</c>: a schema to review and commit next to recur.yaml.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "A snapshot id (or prefix), or a dataset name for its newest snapshot" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write it (default: recur.yaml's 'schema', schema.yaml)" };
        var domain = new Option<int>("--max-domain") { Description = "Text columns with at most this many values get a closed domain", DefaultValueFactory = _ => 100 };
        var infer = new Command("infer", "Infer types, nullability, domains, ranges and lengths from a snapshot into a reviewable schema file") { snapshot, output, domain };
        infer.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var s = await project.ResolveSnapshotAsync(parse.GetValue(snapshot)!, ct);
            var table = await project.ReadAsync(s, ct);
            var keys = project.Config.Key is { } k && table.Has(k) ? new[] { k } : null;
            var schema = SchemaInference.Infer(table, new SchemaInferenceOptions(parse.GetValue(domain), Key: keys));
            var path = project.Resolve(parse.GetValue(output) ?? project.Config.Schema);
            SchemaFile.Save(schema, path);
            if (ctx.Json) ctx.WriteJson(new { snapshot = s.Id, schema = path, columns = schema.Columns.Count });
            else ctx.Human.WriteLine($"Wrote {Path.GetRelativePath(project.Root, path)} ({schema.Columns.Count} columns) from snapshot {s.Id[..12]}. Review it and commit it.");
            return 0;
        }));
        var command = new Command("schema", "The data schema: inferred once, then owned and reviewed by you");
        command.Subcommands.Add(infer);
        return command;
    }
}
