using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Monitoring.Incremental;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary><c>recur monitor [--since T] [--retrain]</c>: live metrics, drift per feature, and the retraining decision.</summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only predictions logged at or after this ISO-8601 time" };
        var retrain = new Option<bool>("--retrain") { Description = "If the policy says so, retrain and gate a candidate" };
        var replay = new Option<string?>("--replay") { Description = "Recompute every window from the event log alone, from FROM: 'start', a prediction seq, or an ISO-8601 time (no checkpoint read or written)", HelpName = "FROM" };
        var noCheckpoint = new Option<bool>("--no-checkpoint") { Description = "Merge the checkpoint (batch view) with the newest events (speed view) without storing a new checkpoint" };
        var htmlReport = new Option<bool>("--report") { Description = "Write the monitoring report (HTML) under .recur/reports/" };
        var command = new Command("monitor", "Live metrics from feedback, drift of logged inputs, and the retraining policy, per window and cumulative") { since, retrain, replay, noCheckpoint, htmlReport };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            DateTimeOffset? from = parse.GetValue(since) is { } s
                ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : throw RecurException.Invalid($"--since: '{s}' is not an ISO-8601 time", "--since")
                : null;
            if (parse.GetValue(replay) is { } replayFrom)
            {
                if (from is not null || parse.GetValue(retrain) || parse.GetValue(noCheckpoint)) throw RecurException.Invalid("--replay: recomputes from the log alone; it takes none of --since, --retrain, --no-checkpoint", "--replay");
                var replayed = await MonitorStep.WindowsAsync(project, WindowsMode.Replay, ReplayStart.Parse(replayFrom, "--replay"), ct);
                return MonitorWindowsOutput.Write(ctx, replayed, parse.GetValue(htmlReport) ? await LoopSections.WriteReportAsync(project, replayed, ct) : null);
            }
            var windows = await MonitorStep.WindowsAsync(project, parse.GetValue(noCheckpoint) ? WindowsMode.Lambda : WindowsMode.Advance, null, ct);
            var outcome = await MonitorStep.RunAsync(project, from, ct);
            TrainingOutcome? retrained = null;
            if (parse.GetValue(retrain) && outcome.Decision.Retrain) retrained = await RetrainStep.RecordedAsync(project, from, ct);
            var report = retrained is null ? null : ModelReport.WriteTraining(project, retrained);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    champion = outcome.ModelVersion, logged = outcome.LoggedRows, labelled = outcome.LabelledRows, live = outcome.LiveMetrics,
                    drift = outcome.Drift, prediction_drift = outcome.PredictionDrift, skew = outcome.Skew, reference_profile = outcome.ReferenceProfile, decision = outcome.Decision,
                    retrain = retrained is null ? null : new { candidate = retrained.Registered?.Version, metrics = retrained.Candidate, promote = retrained.Gate.Promote, reason = retrained.Gate.Reason, confusion = retrained.Confusion, report },
                    monitoring = MonitorWindowsOutput.Json(windows, parse.GetValue(htmlReport) ? await LoopSections.WriteReportAsync(project, windows, ct) : null),
                });
                return 0;
            }
            MonitorWindowsOutput.Write(ctx, windows, parse.GetValue(htmlReport) ? await LoopSections.WriteReportAsync(project, windows, ct) : null);
            ctx.Human.WriteLine($"champion v{outcome.ModelVersion}: {outcome.LoggedRows} predictions logged, {outcome.LabelledRows} with feedback");
            if (outcome.LiveMetrics is not null) ctx.Human.WriteLine($"live: {Tables.Metrics(outcome.LiveMetrics)}");
            if (outcome.Drift is { } d)
            {
                ctx.Human.WriteLine($"drift against the stored profile of the training split ({d.ReferenceRows} rows): {outcome.ReferenceProfile}");
                var table = Tables.Of("feature", "test", "statistic", "p-value", "threshold", "drifted");
                foreach (var f in d.Features) table.Row(f.Feature, f.Test, f.Statistic, f.PValue, f.Threshold, f.Drifted);
                ctx.Human.Write(table);
            }
            if (outcome.PredictionDrift?.Features.FirstOrDefault() is { } p)
            {
                ctx.Human.WriteLine($"predictions against the champion's validation predictions: {p.Test} statistic {Tables.Format(p.Statistic)}, {(p.Drifted ? "DRIFTED" : "stable")}");
            }
            if (outcome.Skew is { } skew)
            {
                ctx.Human.WriteLine(skew.Skewed
                    ? $"training/serving skew: {skew.Findings.Count} finding(s) over {skew.FeaturesChecked} features"
                    : $"training/serving skew: none ({skew.FeaturesChecked} features within limits)");
                foreach (var f in skew.Findings) ctx.Human.WriteLine($"  SKEW {f.Kind}: {f.Message}");
            }
            ctx.Human.WriteLine((outcome.Decision.Retrain ? "RETRAIN: " : "no retraining: ") + outcome.Decision.Reason);
            if (retrained is not null) TrainCommand.Report(ctx, retrained, report);
            return 0;
        }));
        return command;
    }
}
