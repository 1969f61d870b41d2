using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Serving;
using Recur.Serving.Safeguards;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur safeguards show [MODEL]</c>: the rules of recur.yaml's <c>safeguards:</c> compiled for a version, with the
/// ranges and domains they learned from its training profile; <c>recur safeguards report [--since]</c>: how often each
/// rule fired, from the prediction log.
/// </summary>
internal static class SafeguardsCommand
{
    public static Command Create()
    {
        var command = new Command("safeguards", "Show the safeguard rules compiled for a model version, or report how often each fired");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Command Show()
    {
        var model = new Argument<string?>("model") { Description = "A version number, an alias, NAME@ALIAS or NAME:VERSION (default: the champion)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "The compiled rules of a version with what they learned from its training profile (ranges, categories, missing rates)") { model };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var loaded = await project.Services.GetRequiredService<ModelPool>().GetAsync(ModelSelector.From(v.Model, v.Version, null), ct);
            var compiled = project.Services.GetRequiredService<SafeguardBook>().For(loaded);
            var rules = compiled?.Describe() ?? [];
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = v.Model, version = v.Version, rules, baseline = compiled?.Baseline });
                return 0;
            }
            if (compiled is null)
            {
                ctx.Human.WriteLine($"{v.Model} v{v.Version}: no safeguards declared (add a safeguards: section to recur.yaml)");
                return 0;
            }
            ctx.Human.WriteLine($"{v.Model} v{v.Version}: {rules.Count} rules, applied in this order" + (compiled.Baseline is { } b ? $"; the baseline answers {b.Label} ({Tables.Format(b.Score)})" : ""));
            var table = Tables.Of("rule", "kind", "column", "action", "learned");
            foreach (var r in rules) table.Row(r.Name, r.Kind, r.Column, r.Action, r.Learned);
            ctx.Human.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Report()
    {
        var since = new Option<string?>("--since") { Description = "Only predictions logged at or after this ISO-8601 time" };
        var command = new Command("report", "How often each safeguard rule fired, counted from the prediction log") { since };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var from = parse.GetValue(since) is { } s
                ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : throw RecurException.Invalid($"--since: '{s}' is not an ISO-8601 time", "--since")
                : (DateTimeOffset?)null;
            var counts = SafeguardCounts.Of(await project.Log.ReadAsync(project.Config.Name, from, int.MaxValue, ct));
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = project.Config.Name, since = from, predictions = counts.Predictions, guarded = counts.Guarded, rules = counts.Counts });
                return 0;
            }
            ctx.Human.WriteLine($"{project.Config.Name}: {counts.Guarded} of {counts.Predictions} predictions had a safeguard fire" + (from is { } f ? $" since {f:yyyy-MM-dd HH:mm:ss}Z" : ""));
            if (counts.Counts.Count == 0) return 0;
            var table = Tables.Of("rule", "predictions", "share");
            foreach (var (rule, n) in counts.Counts) table.Row(rule, n, counts.Predictions == 0 ? 0.0 : (double)n / counts.Predictions);
            ctx.Human.Write(table);
            return 0;
        }));
        return command;
    }
}
