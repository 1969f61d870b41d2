using System.CommandLine;
using Recur.Pipeline.Tuning;
using Recur.Tuning;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur tune</c>: runs or resumes the study of recur.yaml's <c>training.search</c> on the latest training snapshot, each
/// trial measured on the training split's own folds; prints every trial and the best.
/// </summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset to tune on", DefaultValueFactory = _ => "train" };
        var trials = new Option<int?>("--trials") { Description = "Most trials, counting those already in the journal (0: no limit; overrides training.search.trials)" };
        var seconds = new Option<double?>("--seconds") { Description = "Wall-clock budget of this run in seconds (0: no limit; overrides training.search.seconds)" };
        var parallel = new Option<int?>("--parallel") { Description = "Trials run at once, each with cores / N threads (overrides training.search.parallel)" };
        var sampler = new Option<string?>("--sampler") { Description = "random or tpe (overrides training.search.sampler)" };
        var pruner = new Option<string?>("--pruner") { Description = "none, median or asha (overrides training.search.pruner)" };
        var fresh = new Option<bool>("--fresh") { Description = "Ignore the study's journal and start again" };
        var command = new Command("tune", "Search training.search's space: trials measured on the training split's own folds, in parallel, pruned early, resumable")
        {
            dataset, trials, seconds, parallel, sampler, pruner, fresh,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var overrides = new TuneOverrides(parse.GetValue(trials), parse.GetValue(seconds), parse.GetValue(parallel), parse.GetValue(sampler), parse.GetValue(pruner));
            var snapshot = await project.LatestSnapshotAsync(parse.GetValue(dataset)!, ct);
            ctx.Progress($"tuning on snapshot {snapshot.Id[..12]} ({snapshot.Rows} rows)");
            var outcome = await TuneRun.RunAsync(project, snapshot, overrides, parse.GetValue(fresh), ct);
            Report(ctx, outcome, snapshot.Id);
            return 0;
        }));
        return command;
    }

    private static void Report(CommandContext ctx, TuningOutcome o, string snapshot)
    {
        var r = o.Result;
        var ran = r.Trials.Count - r.Resumed;
        var perMinute = r.Seconds > 0 ? ran / (r.Seconds / 60) : 0;
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                study = o.Key, snapshot, metric = o.Metric, maximize = o.Maximize, journal = o.Journal,
                trials = r.Trials.Select(t => new
                {
                    number = t.Number, parameters = t.Parameters, state = State(t.State), value = t.Value, low = t.Low, high = t.High, seconds = t.Seconds,
                    intermediate = t.Intermediate.Select(i => new { step = i.Step, value = i.Value }), error = t.Error,
                }),
                best = r.Best is { } b ? new { number = b.Number, parameters = b.Parameters, value = b.Value, low = b.Low, high = b.High } : null,
                resumed = r.Resumed, seconds = r.Seconds, trials_per_minute = perMinute,
            });
            return;
        }
        var table = Tables.Of("trial", "parameters", "state", o.Metric.Replace('_', ' '), "95% interval", "seconds");
        foreach (var t in r.Trials)
        {
            table.Row(t.Number, TrialObjective.Describe(t.Parameters), State(t.State), t.Value,
                double.IsNaN(t.Low) ? "" : $"[{Tables.Format(t.Low)}, {Tables.Format(t.High)}]", Math.Round(t.Seconds, 2));
        }
        ctx.Human.Write(table);
        ctx.Human.WriteLine($"study {o.Key}: {r.Trials.Count} trials ({r.Resumed} resumed from the journal, {ran} run now in {Tables.Format(Math.Round(r.Seconds, 1))} s, {Tables.Format(Math.Round(perMinute, 1))} per minute); {r.Trials.Count(t => t.State == TrialState.Pruned)} pruned, {r.Trials.Count(t => t.State == TrialState.Failed)} failed");
        ctx.Human.WriteLine(r.Best is { } best
            ? $"best: trial {best.Number} ({TrialObjective.Describe(best.Parameters)}), fold {o.Metric} {Tables.Format(best.Value)} [{Tables.Format(best.Low)}, {Tables.Format(best.High)}]; recur train refits it as the tuned candidate"
            : "best: no trial completed");
        if (o.Journal is not null) ctx.Human.WriteLine($"journal: {o.Journal}");
    }

    private static string State(TrialState state) => state.ToString().ToLowerInvariant();
}
