using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Core.Registry;
using Recur.Pipeline;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Documents;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur models promote|rollback|history|tag|diff|export</c>: the registry's deliberate changes, each recorded as an
/// event (who, when, why, the numbers), and the model as a reviewable document.
/// </summary>
internal static class ModelsRegistryCommands
{
    private static Option<string?> ActorOption() => new("--actor") { Description = $"Who makes the change (recorded); default ${RegistryActor.Variable}, else the OS user" };

    public static void AddTo(Command models)
    {
        models.Subcommands.Add(Promote());
        models.Subcommands.Add(Rollback());
        models.Subcommands.Add(History());
        models.Subcommands.Add(Tag());
        models.Subcommands.Add(Diff());
        models.Subcommands.Add(Export());
    }

    private static Argument<string> ModelArgument(string name = "model") =>
        new(name) { Description = "The version: a number (3, v3), an alias (champion), NAME@ALIAS or NAME:VERSION" };

    private static Option<string> AliasOption() => new("--alias") { Description = "The alias to move", DefaultValueFactory = _ => TrainingRun.ChampionAlias };

    private static Option<string?> ReasonOption(string what) => new("--reason") { Description = $"Why {what} (required; recorded in the history)" };

    private static IRegistryEvents Events(RecurProject project) => project.Services.GetRequiredService<IRegistryEvents>();

    private static RegistryChange Change(CommandContext ctx, Option<string?> actorOption, string? reason, bool required)
    {
        var why = reason?.Trim() ?? "";
        if (required && why.Length == 0) throw RecurException.Invalid("--reason is required: say why the alias moves (it is recorded in the history)", "--reason");
        var actor = ctx.Parse.GetValue(actorOption) is { Length: > 0 } named ? named : RegistryActor.Current().Name;
        return new RegistryChange(actor, why);
    }

    private static string CheckedAlias(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? name
            : throw RecurException.Invalid($"alias '{name}' must be letters, digits, '-' or '_'", "--alias");

    private static Command Promote()
    {
        var model = ModelArgument();
        var alias = AliasOption();
        var reason = ReasonOption("the version is promoted");
        var actor = ActorOption();
        var command = new Command("promote", "Point an alias (champion by default) at a version, recording who, why, the previous target and both versions' metrics; runs no promotion gate")
            { model, alias, reason, actor };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var change = Change(ctx, actor, parse.GetValue(reason), required: true);
            var name = CheckedAlias(parse.GetValue(alias)!);
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var e = await Events(project).MoveAliasAsync(project.Config.Name, name, v.Version, RegistryEventKinds.Promoted, change, ct);
            Report(ctx, e);
            return 0;
        }));
        return command;
    }

    private static Command Rollback()
    {
        var alias = AliasOption();
        var reason = ReasonOption("the alias is rolled back");
        var actor = ActorOption();
        var command = new Command("rollback", "Move an alias (champion by default) back to its previous target, as its event history records it") { alias, reason, actor };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var change = Change(ctx, actor, parse.GetValue(reason), required: true);
            var e = await Events(project).RollbackAsync(project.Config.Name, CheckedAlias(parse.GetValue(alias)!), change, ct);
            Report(ctx, e);
            return 0;
        }));
        return command;
    }

    private static void Report(CommandContext ctx, RegistryEvent e)
    {
        if (ctx.Json) { ctx.WriteJson(e); return; }
        var from = e.PreviousVersion is { } p ? $"version {p}" : "nowhere";
        ctx.Human.WriteLine($"{e.Model}@{e.Alias} -> version {e.Version} (was {from}); {e.Kind} by {e.Actor}: {e.Reason}");
    }

    private static Command History()
    {
        var alias = new Option<string?>("--alias") { Description = "Only this alias's events" };
        var version = new Option<string?>("--version") { Description = "Only the events of this version (a number, an alias, NAME@ALIAS or NAME:VERSION)" };
        var command = new Command("history", "The registry's events, newest first: what changed, who, when, why, and the numbers") { alias, version };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            int? v = parse.GetValue(version) is { } reference ? (await ModelReference.ResolveAsync(project, reference, null, ct)).Version : null;
            var events = await Events(project).EventsAsync(project.Config.Name, parse.GetValue(alias), v, ct);
            if (ctx.Json) { ctx.WriteJson(new { model = project.Config.Name, events }); return 0; }
            var table = Tables.Of("#", "when", "event", "who", "what", "why", "numbers");
            foreach (var e in events) table.Row(e.Id, e.At.ToString("u", CultureInfo.InvariantCulture), e.Kind, e.Actor, What(e), e.Reason, Numbers(e.Metrics));
            ctx.Human.Write(table);
            if (events.Count == 0) ctx.Human.WriteLine("no registry events recorded");
            return 0;
        }));
        return command;
    }

    private static string What(RegistryEvent e) => e.Kind switch
    {
        RegistryEventKinds.TagSet => $"v{e.Version} {e.Tag}={e.TagValue}",
        RegistryEventKinds.TagRemoved => $"v{e.Version} -{e.Tag}",
        _ when e.Alias is not null => $"{e.Alias}: {(e.PreviousVersion is { } p ? $"v{p}" : "new")} -> v{e.Version}",
        _ => $"v{e.Version}",
    };

    // The headline metric of the version and, for an alias move, of the target it left.
    private static string Numbers(IReadOnlyDictionary<string, double> metrics)
    {
        if (Headline.FirstOrDefault(metrics.ContainsKey) is not { } name) return "";
        var now = $"{name} {Tables.Format(metrics[name])}";
        return metrics.TryGetValue("previous." + name, out var before) ? $"{now} (was {Tables.Format(before)})" : now;
    }

    private static readonly string[] Headline = ["auc", "macro_f1", "accuracy", "rmse", "mae", "r2", "log_loss"];

    private static Command Tag()
    {
        var model = ModelArgument();
        var pairs = new Argument<string[]>("tags") { Description = "key=value tags to set", Arity = ArgumentArity.ZeroOrMore };
        var remove = new Option<string[]>("--remove") { Description = "A tag key to remove (repeatable)", AllowMultipleArgumentsPerToken = true };
        var reason = ReasonOption("the tags change");
        var actor = ActorOption();
        var command = new Command("tag", "Set key=value tags on a version, or --remove them; each change is recorded") { model, pairs, remove, reason, actor };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var change = Change(ctx, actor, parse.GetValue(reason), required: false);
            var set = (parse.GetValue(pairs) ?? []).Select(Pair).ToList();
            var removed = parse.GetValue(remove) ?? [];
            if (set.Count == 0 && removed.Length == 0) throw RecurException.Invalid("give key=value tags to set or --remove KEY", "tags");
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var events = Events(project);
            foreach (var (key, value) in set) await events.SetTagAsync(v.Model, v.Version, key, value, change, ct);
            foreach (var key in removed) await events.RemoveTagAsync(v.Model, v.Version, Key(key), change, ct);
            var now = (await project.Registry.FindAsync(v.Model, v.Version, ct))!;
            if (ctx.Json) ctx.WriteJson(new { model = now.Model, version = now.Version, tags = now.Tags });
            else ctx.Human.WriteLine($"{now.Model} v{now.Version} tags: {(now.Tags.Count == 0 ? "none" : string.Join(", ", now.Tags.Select(t => $"{t.Key}={t.Value}")))}");
            return 0;
        }));
        return command;
    }

    private static (string Key, string Value) Pair(string text)
    {
        var at = text.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0) throw RecurException.Invalid($"tag '{text}' must be key=value", "tags");
        return (Key(text[..at]), text[(at + 1)..]);
    }

    private static string Key(string key) =>
        key.Length > 0 && key.Length <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? key
            : throw RecurException.Invalid($"tag key '{key}' must be 1-64 letters, digits, '-', '_' or '.'", "tags");

    private static async Task<ModelDocument> DocumentAsync(RecurProject project, string reference, CancellationToken ct)
    {
        var v = await ModelReference.ResolveAsync(project, reference, null, ct);
        return ModelDocument.Of(v, await RegisteredModel.LoadAsync(project.Artifacts, v, ct));
    }

    private static Command Diff()
    {
        var a = ModelArgument("a");
        var b = ModelArgument("b");
        var command = new Command("diff", "Compare two versions: inputs, transforms, trainer parameters, metrics with deltas, lineage, environment and tree structure") { a, b };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var diff = ModelDiff.Of(await DocumentAsync(project, parse.GetValue(a)!, ct), await DocumentAsync(project, parse.GetValue(b)!, ct));
            if (ctx.Json) { ctx.WriteJson(new { model = project.Config.Name, a = diff.A, b = diff.B, summary = diff.Summary, sections = diff.Rows.GroupBy(r => r.Section).ToDictionary(g => g.Key, g => g.ToList()) }); return 0; }
            var table = Tables.Of("section", "item", $"v{diff.A}", $"v{diff.B}", "delta");
            foreach (var r in diff.Rows) table.Row(r.Section, r.Item, Short(r.A), Short(r.B), r.Delta);
            ctx.Human.WriteLine($"{project.Config.Name}: version {diff.A} (A) against version {diff.B} (B)");
            ctx.Human.Write(table);
            foreach (var line in diff.Summary) ctx.Human.WriteLine(line);
            return 0;
        }));
        return command;
    }

    // Numbers to four decimals and long values (hashes, chains) cut, so the table fits a terminal; --json has them whole.
    private static string Short(string? text) =>
        text is null ? "-"
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Tables.Format(number)
        : text.Length <= 40 ? text : text[..37] + "...";

    private static Command Export()
    {
        var model = ModelArgument();
        var format = new Option<string>("--format") { Description = "The document format: json", DefaultValueFactory = _ => "json" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the document to this file (default: stdout)" };
        var command = new Command("export", "Describe a version as a stable, pretty-printed JSON document (inputs, transforms, trainer, metrics, lineage, trees or weights) for review in a code diff")
            { model, format, output };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            if (parse.GetValue(format) is not "json") throw RecurException.Invalid($"--format '{parse.GetValue(format)}' is not a document format (one of: json)", "--format");
            var project = ctx.OpenProject();
            var document = await DocumentAsync(project, parse.GetValue(model)!, ct);
            var json = document.ToJson();
            if (parse.GetValue(output) is not { } path)
            {
                Console.Out.Write(json);
                return 0;
            }
            var full = Path.GetFullPath(path);
            var temp = full + ".tmp";
            await File.WriteAllTextAsync(temp, json, new System.Text.UTF8Encoding(false), ct);
            File.Move(temp, full, overwrite: true);
            if (ctx.Json) ctx.WriteJson(new { model = document.Model, version = document.Version, output = full, bytes = new FileInfo(full).Length });
            else ctx.Human.WriteLine($"{document.Model} v{document.Version}: wrote {path} ({new FileInfo(full).Length} bytes)");
            return 0;
        }));
        return command;
    }
}
