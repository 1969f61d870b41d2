using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Monitoring.Live;
using Recur.Monitoring.Policy;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Loop;

public static partial class LoopTick
{
    /// <summary>The tag set on a candidate the loop rolled back (its value is the tick).</summary>
    public const string RolledBackTag = "loop.rolled_back";

    private static async Task<string> JudgeCanaryAsync(RecurProject project, LoopAudit audit, CanaryFile canaries, CanaryState state, CancellationToken ct)
    {
        var config = project.Config;
        var policy = config.Loop.Canary;
        var now = project.Time.GetUtcNow();
        var logged = await project.Log.ReadAsync(config.Name, state.StartedAt, ct: ct);
        var served = logged.Count(r => r.Version == state.Candidate);
        var joined = await Live.UsableFeedback.JoinAsync(project, state.StartedAt, ct);
        var candidateRows = joined.Where(j => j.Prediction.Version == state.Candidate).ToList();
        var championRows = joined.Where(j => j.Prediction.Version == state.Champion).ToList();
        var progress = new Dictionary<string, double>
        {
            ["candidate_served"] = served, ["champion_served"] = logged.Count(r => r.Version == state.Champion),
            ["candidate_labelled"] = candidateRows.Count, ["champion_labelled"] = championRows.Count,
            ["hours_running"] = Math.Round((now - state.StartedAt).TotalHours, 4),
        };
        var byTime = state.Deadline is { } deadline && now >= deadline;
        var byRequests = state.Requests is { } n && served >= n;
        if (!byTime && !byRequests)
        {
            await audit.RecordAsync(LoopSteps.CanaryRunning, $"canary v{state.Candidate} goes on",
                $"{served} candidate predictions{(state.Requests is { } r ? $" of {r}" : "")}{(state.Deadline is { } d ? $", {(d - now).TotalMinutes:0.#} min left" : "")}", progress, state.Candidate, ct);
            return "canary_running";
        }

        var task = (await project.Models.LoadAsync(await Version(project, state.Candidate, ct), ct)).Manifest.Plan;
        var verdict = CanaryComparison.Compare(
            candidateRows.Select(j => CanaryLoss.Of(task.Task, task.Positive, j)), championRows.Select(j => CanaryLoss.Of(task.Task, task.Positive, j)),
            CanaryLoss.NameOf(task.Task), policy.MinLabelled, policy.Tolerance);
        var numbers = new Dictionary<string, double>(progress);
        foreach (var (k, v) in verdict.Numbers) numbers[k] = v;
        var metric = MetricOf(config, task.Task);
        foreach (var (side, rows, version) in new[] { ("candidate", candidateRows, state.Candidate), ("champion", championRows, state.Champion) })
        {
            if (rows.Count == 0) continue;
            var m = LiveMetrics.Compute(task, rows, (await project.Models.LoadAsync(await Version(project, version, ct), ct)).Manifest.Threshold, config.Seed);
            foreach (var key in new[] { metric, metric + "_low", metric + "_high" }) if (m.TryGetValue(key, out var v)) numbers[$"{side}.{key}"] = v;
        }
        await audit.RecordAsync(LoopSteps.Compared, $"canary v{state.Candidate} vs champion v{state.Champion} since {state.StartedAt:u}: {verdict.Outcome}",
            verdict.Why, numbers, state.Candidate, ct);

        if (verdict.Outcome == CanaryOutcome.Insufficient && policy.OnInsufficient == "extend" && state.Extensions == 0)
        {
            var extended = state with
            {
                Deadline = state.Deadline is { } d ? now + (d - state.StartedAt) : null,
                Requests = state.Requests is { } r ? served + r : null,
                Extensions = state.Extensions + 1,
            };
            canaries.Write(extended);
            await audit.RecordAsync(LoopSteps.CanaryExtended, $"canary v{state.Candidate} extended once", $"{verdict.Why}; loop.canary.on_insufficient is extend", numbers, state.Candidate, ct);
            return "canary_extended";
        }
        var events = project.Services.GetRequiredService<IRegistryEvents>();
        if (verdict.Outcome == CanaryOutcome.Promote)
        {
            var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct);
            if (champion?.Version != state.Champion)
            {
                canaries.Delete();
                await audit.RecordAsync(LoopSteps.RolledBack, $"canary v{state.Candidate} ended without promotion",
                    $"the champion moved to v{champion?.Version} during the canary; the comparison was against v{state.Champion}", numbers, state.Candidate, ct);
                return "rolled_back";
            }
            await events.MoveAliasAsync(config.Name, TrainingRun.ChampionAlias, state.Candidate, RegistryEventKinds.Promoted,
                new RegistryChange(LoopAudit.Actor, $"canary tick {audit.Tick}: {verdict.Why}"), ct);
            canaries.Delete();
            await audit.RecordAsync(LoopSteps.Promoted, $"v{state.Candidate} is the champion (was v{state.Champion})", verdict.Why, numbers, state.Candidate, ct);
            return "promoted";
        }
        var reason = verdict.Outcome == CanaryOutcome.Insufficient ? $"{verdict.Why}; loop.canary.on_insufficient is {policy.OnInsufficient}" : verdict.Why;
        await events.SetTagAsync(config.Name, state.Candidate, RolledBackTag, audit.Tick.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new RegistryChange(LoopAudit.Actor, $"canary rolled back: {reason}"), ct);
        canaries.Delete();
        await audit.RecordAsync(LoopSteps.RolledBack, $"canary v{state.Candidate} removed; champion v{state.Champion} stays", reason, numbers, state.Candidate, ct);
        await audit.AlertAsync($"canary v{state.Candidate} rolled back", reason, numbers, state.Candidate, ct);
        return "rolled_back";
    }

    private static async Task<ModelVersion> Version(RecurProject project, int version, CancellationToken ct) =>
        await project.Registry.FindAsync(project.Config.Name, version, ct)
        ?? throw Core.RecurException.NotFound($"model '{project.Config.Name}' has no version {version} (named by the canary file)");
}
