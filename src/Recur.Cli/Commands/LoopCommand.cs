using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Monitoring;
using Recur.Pipeline.Loop;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur loop --once</c>: one tick of the automatic loop (poll, monitor, decide, retrain, gate, canary, promote or roll
/// back); <c>recur loop</c>: a tick every <c>loop.interval</c> until Ctrl+C; <c>recur loop history</c>: the audit trail.
/// </summary>
internal static class LoopCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Run one tick and exit" };
        var command = new Command("loop", "The automatic loop: triggers, retrain, canary, promotion or rollback (see 'loop:' in recur.yaml)") { once, History() };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var runner = new LoopRunner(project);
            if (!parse.GetValue(once))
            {
                ctx.Progress($"loop of '{project.Config.Name}': a tick every {project.Config.Loop.Interval}; Ctrl+C stops");
                await runner.RunAsync(ct);
                return 0;
            }
            var outcome = await runner.TickAsync("recur loop --once", ct);
            if (outcome is null)
            {
                var lease = await runner.ReadLeaseAsync(ct);
                throw new Core.RecurException(Core.FailureKind.Conflict,
                    $"the loop of this project runs in another process ({lease?.Holder ?? "recur serve or another recur loop"} holds the lease {runner.LeaseName}" +
                    $"{(lease is null ? "" : $" until {lease.ExpiresAt:u}")}); stop it, or run again when it gives the lease up");
            }
            if (ctx.Json)
            {
                ctx.WriteJson(new { tick = outcome.Tick, action = outcome.Action, canary = outcome.Canary, report = outcome.Report, records = outcome.Records.Select(Row) });
                return 0;
            }
            Write(ctx, outcome.Records);
            ctx.Human.WriteLine($"tick {outcome.Tick}: {outcome.Action}" + (outcome.Report is { } r ? $"; training report: {r}" : ""));
            return 0;
        }));
        return command;
    }

    private static Command History()
    {
        var limit = new Option<int>("--limit") { Description = "Only the newest N records", DefaultValueFactory = _ => 200 };
        var command = new Command("history", "The loop's audit trail: time, step, what, why, and the numbers behind each step") { limit };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            if (parse.GetValue(limit) < 1) throw Core.RecurException.Invalid($"--limit must be at least 1, not {parse.GetValue(limit)}", "--limit");
            var records = await project.Services.GetRequiredService<ILoopStore>().HistoryAsync(project.Config.Name, parse.GetValue(limit), ct);
            var canary = project.Services.GetRequiredService<CanaryFile>().Read();
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = project.Config.Name, canary, records = records.Select(Row) });
                return 0;
            }
            if (records.Count == 0) ctx.Human.WriteLine("no loop history yet (run 'recur loop --once', or 'recur serve' with loop.enabled: true)");
            Write(ctx, records);
            if (canary is not null) ctx.Human.WriteLine($"canary running: v{canary.Candidate} on {canary.Weight.ToString(CultureInfo.InvariantCulture)}% against champion v{canary.Champion} since {canary.StartedAt:u}");
            return 0;
        }));
        return command;
    }

    private static object Row(LoopRecord r) => new { id = r.Id, tick = r.Tick, at = r.At, step = r.Step, what = r.What, why = r.Why, version = r.Version, numbers = r.Numbers };

    private static void Write(CommandContext ctx, IReadOnlyList<LoopRecord> records)
    {
        var table = Tables.Of("time", "tick", "step", "what", "why", "numbers");
        foreach (var r in records)
        {
            table.Row(r.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Tick, r.Step, r.What, r.Why,
                string.Join(", ", r.Numbers.Take(8).Select(p => $"{p.Key}={p.Value.ToString("0.####", CultureInfo.InvariantCulture)}")));
        }
        ctx.Human.Write(table);
    }
}
