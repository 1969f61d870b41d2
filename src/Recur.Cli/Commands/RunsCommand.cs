using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Core.Runs;
using Recur.Pipeline.Runs;

namespace Recur.Cli.Commands;

/// <summary><c>recur runs list|show</c>: every recorded run (train, tune, experiment, …) with its steps, timings and cache hits.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var command = new Command("runs", "List recorded runs and show one with its steps, timings and cache hits");
        var kind = new Option<string?>("--kind") { Description = "Only runs of this kind (train, retrain, tune, experiment, learning-curve)" };
        var limit = new Option<int>("--limit") { Description = "Only the most recent N runs (0: all)", DefaultValueFactory = _ => 20 };
        var list = new Command("list", "List runs, oldest first: status (running, finished, failed, killed), seconds, metric with interval, version, cache hits") { kind, limit };
        list.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            if (parse.GetValue(limit) < 0) throw RecurException.Invalid("--limit: must be 0 (all) or more");
            var runs = (await project.Runs.ListAsync(project.Config.Name, ct)).Where(r => parse.GetValue(kind) is not { } k || r.Kind == k).ToList();
            if (parse.GetValue(limit) is > 0 and var n) runs = runs.Skip(Math.Max(0, runs.Count - n)).ToList();
            if (ctx.Json) { ctx.WriteJson(new { model = project.Config.Name, runs = runs.Select(Summary) }); return 0; }
            var table = Tables.Of("run", "kind", "status", "started", "seconds", "metric", "version", "promoted", "cache hits");
            foreach (var r in runs)
            {
                table.Row(r.Id, r.Kind, RunLiveness.StatusOf(r), r.Started.ToString("u", CultureInfo.InvariantCulture), Math.Round(Seconds(r), 1), MetricText(r),
                    r.Version is { } v ? $"v{v}" : "", r.Promoted ? "yes" : "", $"{Hits(r)}/{Cacheable(r)}");
            }
            ctx.Human.Write(table);
            if (runs.Count == 0) ctx.Human.WriteLine("no runs recorded yet (recur train records one)");
            return 0;
        }));

        var id = new Argument<string>("run") { Description = "The run id (recur runs list)" };
        var show = new Command("show", "Show one run: snapshots, config hash, code version, every step, metrics with intervals, outcome") { id };
        show.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var runId = parse.GetValue(id)!;
            var r = await project.Runs.FindAsync(runId, ct) ?? throw RecurException.NotFound($"run '{runId}' not found (recur runs list shows the recorded runs)");
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    run = Summary(r), snapshots = r.Snapshots, config_hash = r.ConfigHash, code_version = r.CodeVersion, experiment = r.Experiment,
                    process_id = r.ProcessId, machine = r.Machine, finished = r.Finished,
                    steps = r.Steps.Select(s => new { name = s.Name, key = s.Key, cached = s.CacheHit, seconds = s.Seconds }),
                    metrics = r.Metrics, baseline = r.Baseline, outcome = r.Outcome,
                });
                return 0;
            }
            ctx.Human.Write(Tables.Of("field", "value")
                .Row("run", $"{r.Id} ({r.Kind}{(r.Experiment is { } e ? $", experiment {e}" : "")})").Row("status", RunLiveness.StatusOf(r))
                .Row("started", r.Started.ToString("u", CultureInfo.InvariantCulture)).Row("seconds", Math.Round(Seconds(r), 1))
                .Row("snapshots", string.Join(", ", r.Snapshots.Select(s => s[..Math.Min(12, s.Length)])))
                .Row("config", r.ConfigHash[..Math.Min(12, r.ConfigHash.Length)]).Row("code", r.CodeVersion)
                .Row("metric", MetricText(r)).Row("outcome", r.Outcome));
            var steps = Tables.Of("step", "key", "cache", "seconds");
            foreach (var s in r.Steps) steps.Row(s.Name, s.Key.Length == 0 ? "" : s.Key[..12], s.Key.Length == 0 ? "not cached" : s.CacheHit ? "hit" : "computed", Math.Round(s.Seconds, 2));
            ctx.Human.Write(steps);
            if (r.Metrics.Count > 0) ctx.Human.WriteLine($"metrics: {Tables.Metrics(r.Metrics)}");
            return 0;
        }));
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    private static object Summary(RunRecord r) => new
    {
        id = r.Id, kind = r.Kind, status = RunLiveness.StatusOf(r), started = r.Started, seconds = Seconds(r),
        metric = r.Metric, value = Value(r, ""), low = Value(r, "_low"), high = Value(r, "_high"),
        version = r.Version, promoted = r.Promoted, artifact = r.Artifact, cache_hits = Hits(r), cacheable_steps = Cacheable(r),
    };

    private static double? Value(RunRecord r, string suffix) => r.Metrics.TryGetValue(r.Metric + suffix, out var v) ? v : null;

    // A finished run's wall-clock time; a running (or killed) one's is the sum of the steps it finished.
    private static double Seconds(RunRecord r) => r.Finished is { } f ? (f - r.Started).TotalSeconds : r.Steps.Sum(s => s.Seconds);

    private static int Hits(RunRecord r) => r.Steps.Count(s => s.CacheHit);

    private static int Cacheable(RunRecord r) => r.Steps.Count(s => s.Key.Length > 0);

    private static string MetricText(RunRecord r) => Value(r, "") is not { } v ? ""
        : Value(r, "_low") is { } low && Value(r, "_high") is { } high
            ? string.Create(CultureInfo.InvariantCulture, $"{r.Metric} {v:0.####} [{low:0.####}, {high:0.####}]")
            : string.Create(CultureInfo.InvariantCulture, $"{r.Metric} {v:0.####}");
}
