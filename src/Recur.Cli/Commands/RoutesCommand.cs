using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Core.Project;
using Recur.Serving;
using Recur.Serving.Routing;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur routes show|report</c>: the gateway routes of recur.yaml checked against the registry, and what a route
/// did according to the prediction log (share and latency per version, shadow agreement, two-phase cost).
/// </summary>
internal static class RoutesCommand
{
    public static Command Create()
    {
        var command = new Command("routes", "Check the gateway routes (serving.routes) and report what they did");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Check serving.routes against the registry (every version and alias exists and loads) and show the versions they reach now");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var table = await project.Services.GetRequiredService<RouteSource>().CurrentAsync(ct);
            var views = await RouteViews.ResolveAsync(table, project.Services.GetRequiredService<ModelPool>(), strict: true, ct);
            var rows = new List<object>();
            var human = Tables.Of("route", "target", "weight", "version now");
            foreach (var v in views)
            {
                var r = v.Route;
                var name = $"{r.Model}/{r.Name}";
                foreach (var t in v.Targets) human.Row(name, t.Selector.ToString(), t.Weight!.Value.ToString("0.##", CultureInfo.InvariantCulture) + " %", t.Version);
                if (v.Shadow is { } s) human.Row(name, s.Selector + " (shadow)", "copy", s.Version);
                if (v.Fast is { } f) human.Row(name, $"{f.Selector} (fast phase, confidence >= {Tables.Format(r.TwoPhase!.Confidence)})", "first", f.Version);
                rows.Add(new
                {
                    model = r.Model, name = r.Name, sticky = r.Sticky,
                    targets = v.Targets.Select(t => new { selector = t.Selector.ToString(), weight = t.Weight, version = t.Version }),
                    shadow = v.Shadow is { } sv ? new { selector = sv.Selector.ToString(), version = sv.Version } : null,
                    two_phase = v.Fast is { } fv ? new { selector = fv.Selector.ToString(), version = fv.Version, confidence = r.TwoPhase!.Confidence } : null,
                });
            }
            if (ctx.Json) { ctx.WriteJson(new { routes = rows }); return 0; }
            if (table.Routes.Count == 0) ctx.Human.WriteLine($"No routes declared: requests without a version or alias go to {project.Config.Name}@{ModelSelector.DefaultAlias}.");
            else ctx.Human.Write(human);
            return 0;
        }));
        return command;
    }

    private static Command Report()
    {
        var route = new Option<string>("--route") { Description = "The route's name", DefaultValueFactory = _ => RouteConfig.DefaultName };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only the log since this time (ISO 8601)" };
        var command = new Command("report", "What a route did, from the prediction log and feedback: share and latency per version, shadow agreement and score deltas, two-phase shares and accuracy cost") { route, since };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var name = parse.GetValue(route)!;
            var table = await project.Services.GetRequiredService<RouteSource>().CurrentAsync(ct);
            var report = await project.Services.GetRequiredService<RouteReporter>().BuildAsync(project.Config.Name, name, table.Find(project.Config.Name, name), parse.GetValue(since), ct);
            if (ctx.Json) { ctx.WriteJson(report); return 0; }
            if (report.Answered == 0 && report.Shadow is null) throw RecurException.NotFound($"the prediction log holds nothing routed by '{project.Config.Name}/{name}'");
            ctx.Human.WriteLine($"{report.Model}/{report.Route}: {report.Answered} answers");
            var shares = Tables.Of("version", "role", "count", "share [95% CI]", "latency p50 ms", "p99 ms");
            foreach (var v in report.Versions) shares.Row(v.Version, v.Role ?? "", v.Count, Format(v.Share), v.LatencyP50Ms, v.LatencyP99Ms);
            ctx.Human.Write(shares);
            if (report.Shadow is { } s)
            {
                ctx.Human.WriteLine($"shadow v{string.Join(", v", s.Versions)}: {s.Compared} pairs compared"
                    + (s.Agreement is { } a ? $"; agreement {Format(a)}" : "")
                    + $"; score delta mean {Tables.Format(s.MeanDelta)}, mean |delta| {Tables.Format(s.MeanAbsDelta)}, p95 |delta| {Tables.Format(s.P95AbsDelta)}");
            }
            if (report.TwoPhase is { } p)
            {
                ctx.Human.WriteLine($"two-phase: the fast model answered {Format(p.FastShare)} of the rows");
                if (p.FastAccuracy is { } fa) ctx.Human.WriteLine($"  accuracy with feedback: fast phase {Format(fa)}" + (p.FullAccuracy is { } f ? $", full phase {Format(f)}" : ""));
                if (p.AccuracyCost is { } c) ctx.Human.WriteLine($"  on the fast-answered rows the full model would score {Format(p.FullOnFastRows!)}: letting the fast model answer costs {Tables.Format(c)} accuracy [{Tables.Format(p.AccuracyCostLow)}, {Tables.Format(p.AccuracyCostHigh)}]");
            }
            return 0;
        }));
        return command;
    }

    private static string Format(Share s) => $"{s.Value.ToString("P1", CultureInfo.InvariantCulture)} [{s.Low.ToString("P1", CultureInfo.InvariantCulture)}, {s.High.ToString("P1", CultureInfo.InvariantCulture)}] ({s.Count}/{s.Total})";
}
