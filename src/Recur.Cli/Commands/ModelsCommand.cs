using System.CommandLine;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Cli.Commands;

/// <summary><c>recur models list|show|alias</c>: the registry.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Inspect the registry and move aliases");
        var list = new Command("list", "List every version with its aliases and headline metrics");
        list.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var versions = await project.Registry.ListAsync(project.Config.Name, ct);
            if (ctx.Json) { ctx.WriteJson(new { model = project.Config.Name, versions }); return 0; }
            var table = Tables.Of("version", "aliases", "created", "metrics", "tags");
            foreach (var v in versions) table.Row(v.Version, string.Join(", ", v.Aliases), v.CreatedAt.ToString("u"), Tables.Metrics(v.Metrics), TagText(v));
            ctx.Human.Write(table);
            return 0;
        }));

        var versionArg = new Argument<int>("version") { Description = "The version number" };
        var show = new Command("show", "Show one version: metrics, lineage, gate reason") { versionArg };
        show.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await Find(project.Registry, project.Config.Name, parse.GetValue(versionArg), ct);
            var check = await Training.RegisteredModel.VerifyAsync(project.Artifacts, v, ct);
            if (!check.Ok) throw RecurException.Unavailable(check.Problem!);
            if (ctx.Json) { ctx.WriteJson(v); return 0; }
            var table = Tables.Of("field", "value")
                .Row("model", $"{v.Model} v{v.Version}").Row("aliases", string.Join(", ", v.Aliases)).Row("created", v.CreatedAt.ToString("u"))
                .Row("artifact", v.ArtifactSha256 + " (verified)").Row("snapshots", string.Join(", ", v.Lineage.Snapshots.Select(s => s[..12])))
                .Row("config", v.Lineage.ConfigHash[..12]).Row("code", v.Lineage.CodeVersion).Row("seed", v.Lineage.Seed)
                .Row("trainer", $"{v.Lineage.Trainer} {string.Join(" ", v.Lineage.Parameters.Select(p => $"{p.Key}={p.Value}"))}")
                .Row("origin", v.Lineage.Origin).Row("gate", v.Description).Row("tags", TagText(v));
            if (v.Lineage.Environment is { } env)
            {
                table.Row("runtime", env.Runtime).Row("os", env.Os).Row("architecture", env.Architecture)
                    .Row("packages", string.Join(", ", env.Packages.Select(p => $"{p.Key} {p.Value}")));
            }
            foreach (var (k, m) in v.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)) table.Row(k, m);
            ctx.Human.Write(table);
            return 0;
        }));

        var aliasArg = new Argument<string>("alias") { Description = "The alias, e.g. champion" };
        var aliasVersion = new Argument<int>("version") { Description = "The version it should point at" };
        var alias = new Command("alias", "Point an alias at a version (e.g. roll back the champion)") { aliasArg, aliasVersion };
        alias.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var name = parse.GetValue(aliasArg)!;
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) throw RecurException.Invalid($"alias '{name}' must be letters, digits, '-' or '_'", "alias");
            await project.Registry.SetAliasAsync(project.Config.Name, name, parse.GetValue(aliasVersion), ct);
            if (ctx.Json) ctx.WriteJson(new { model = project.Config.Name, alias = name, version = parse.GetValue(aliasVersion) });
            else ctx.Human.WriteLine($"{project.Config.Name}@{name} -> version {parse.GetValue(aliasVersion)}");
            return 0;
        }));
        var verify = new Command("verify", "Check every version's model file against the SHA-256 recorded at registration; exit 1 if any fails");
        verify.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var checks = new List<Training.ArtifactCheck>();
            foreach (var v in await project.Registry.ListAsync(project.Config.Name, ct)) checks.Add(await Training.RegisteredModel.VerifyAsync(project.Artifacts, v, ct));
            var failed = checks.Count(c => !c.Ok);
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = project.Config.Name, ok = failed == 0, verified = checks.Count - failed, failed, versions = checks });
            }
            else
            {
                var table = Tables.Of("version", "status", "detail");
                foreach (var c in checks) table.Row(c.Version, c.Ok ? "ok" : "FAILED", c.Ok ? c.Expected[..12] : c.Problem!);
                ctx.Human.Write(table);
                ctx.Human.WriteLine(failed == 0 ? $"all {checks.Count} model files match their registered SHA-256" : $"{failed} of {checks.Count} model files fail verification");
            }
            return failed == 0 ? 0 : CommandContext.Failed;
        }));
        command.Subcommands.Add(list);
        command.Subcommands.Add(verify);
        command.Subcommands.Add(show);
        command.Subcommands.Add(alias);
        ModelsRegistryCommands.AddTo(command);
        return command;
    }

    private static string TagText(ModelVersion v) => string.Join(", ", v.Tags.Select(t => $"{t.Key}={t.Value}"));

    private static async Task<ModelVersion> Find(IRegistryStore registry, string model, int version, CancellationToken ct) =>
        await registry.FindAsync(model, version, ct) ?? throw RecurException.NotFound($"model '{model}' has no version {version}");
}
