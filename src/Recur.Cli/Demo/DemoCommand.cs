using System.CommandLine;
using Recur.Core;

namespace Recur.Cli.Demo;

/// <summary><c>recur demo [--dir DIR]</c>: the whole loop on the Adult data.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "Create the demo project here (default: a new temp folder)" };
        var command = new Command("demo", "Run the whole loop on the Adult income data, the automatic loop included (drift, retrain, canary, promotion or rollback), and write an HTML report") { dir };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var s = await new DemoRun(ctx).RunAsync(parse.GetValue(dir), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    project = s.Project, snapshots = s.Snapshots,
                    baseline = new { name = s.Baseline.Name, metrics = s.Baseline.Metrics },
                    champion = new { version = s.Champion.Version, metrics = s.Champion.Metrics },
                    served = s.Served, logged = s.Logged, live_metrics = s.LiveMetrics,
                    shift = s.Shift, drift = s.Drift,
                    retrain = new { ran = s.Retrain.Ran, candidate_version = s.Retrain.CandidateVersion, metrics = s.Retrain.Metrics, champion_metrics = s.Retrain.ChampionMetrics, promote = s.Retrain.Promote, reason = s.Retrain.Reason },
                    loop = new
                    {
                        ticks = s.Loop.Ticks, outcome = s.Loop.Outcome, comparison = s.Loop.Comparison,
                        canary_traffic = s.Loop.CanaryTraffic.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
                        history = s.Loop.History.Select(r => new { tick = r.Tick, at = r.At, step = r.Step, what = r.What, why = r.Why, version = r.Version, numbers = r.Numbers }),
                    },
                    report = s.Report, seconds = s.Seconds,
                });
                return 0;
            }
            var h = ctx.Human;
            h.Write(Tables.Of("dataset", "snapshot", "rows", "quarantined").Apply(t => { foreach (var x in s.Snapshots) t.Row(x.Dataset, x.Id[..12], x.Rows, x.Quarantined); }));
            h.Write(Tables.Of("model", "metrics on adult.test").Row($"best baseline ({s.Baseline.Name})", Tables.Metrics(s.Baseline.Metrics)).Row($"lightgbm v{s.Champion.Version} (champion)", Tables.Metrics(s.Champion.Metrics)));
            h.WriteLine($"served {s.Served.Predictions} keyed predictions in {s.Served.Requests} HTTP requests; {s.Logged.OfServedKeys} keys found in the log; {s.Served.RejectedRequests} bad requests answered 400");
            h.WriteLine($"live metrics from feedback: {Tables.Metrics(s.LiveMetrics)}");
            var drift = Tables.Of("feature", "test", "statistic", "threshold", "drifted");
            foreach (var d in s.Drift) drift.Row(d.Feature, d.Test, d.Statistic, d.Threshold, d.Drifted);
            h.Write(drift);
            h.WriteLine($"{s.Shift.Description}: {s.Shift.Reason}");
            h.WriteLine(s.Retrain.Ran ? $"candidate v{s.Retrain.CandidateVersion}: {(s.Retrain.Promote ? "passed the gates" : "REJECTED by the gates")} — {s.Retrain.Reason}" : "no retraining");
            var trail = Tables.Of("tick", "step", "what", "why");
            foreach (var r in s.Loop.History.Where(r => r.Step is not ("tick_started" or "tick_finished"))) trail.Row(r.Tick, r.Step, r.What, r.Why);
            h.Write(trail);
            if (s.Loop.CanaryTraffic.Count > 0) h.WriteLine($"canary traffic by version: {string.Join(", ", s.Loop.CanaryTraffic.OrderBy(p => p.Key).Select(p => $"v{p.Key} {p.Value}"))}");
            h.WriteLine($"the loop: {s.Loop.Outcome}" + (s.Loop.Comparison is { } c ? $" — {c}" : ""));
            h.WriteLine($"report: {s.Report}  ({s.Seconds:0.0} s)");
            return 0;
        }));
        return command;
    }

    private static T Apply<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
