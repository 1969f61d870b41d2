using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Monitoring.Live;
using Recur.Monitoring.Policy;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;
using Recur.Pipeline.Jobs;

namespace Recur.Pipeline.Loop;

public static partial class LoopTick
{
    private static async Task<(string Action, string? Report)> DecideAndRetrainAsync(RecurProject project, LoopAudit audit, CanaryFile canaries, CancellationToken ct)
    {
        var config = project.Config;
        var loop = config.Loop;
        var history = await project.Services.GetRequiredService<ILoopStore>().HistoryAsync(config.Name, ct: ct);
        var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct)
            ?? throw Core.RecurException.NotFound($"model '{config.Name}' has no champion yet (run 'recur train')");
        if (loop.RetrainIn == "worker" && await FollowRetrainJobAsync(project, audit, canaries, champion, history, ct) is { } followed) return followed;
        var since = LastChange(history) is { } changed && changed > champion.CreatedAt ? changed : champion.CreatedAt;
        var signals = await SignalsAsync(project, champion, since, ct);
        var retrains = history.Where(r => r.Step == LoopSteps.Retrained).Select(r => r.At).ToList();
        var decision = LoopPolicy.Decide(LoopTriggers.From(loop, config.Monitoring), signals,
            () => RateLimit.Check(signals.Now, retrains, LoopDuration.Parse(loop.MinInterval, "loop.min_interval"), loop.MaxPerDay),
            project.Logging.CreateLogger("Recur.Monitoring.RetrainingPolicy"));
        foreach (var t in decision.Triggers)
        {
            await audit.RecordAsync(LoopSteps.Trigger, $"{t.Trigger}: {(t.Fired ? "fired" : "quiet")}", t.Why, t.Numbers, champion.Version, ct);
        }
        var fired = decision.Triggers.Where(t => t.Fired).ToList();
        if (fired.Count > 0)
        {
            await audit.AlertAsync($"{string.Join(", ", fired.Select(f => f.Trigger))} fired for champion v{champion.Version}",
                string.Join("; ", fired.Select(f => f.Why)), fired.SelectMany(f => f.Numbers.Select(n => (Key: $"{f.Trigger}.{n.Key}", n.Value))).ToDictionary(p => p.Key, p => p.Value), champion.Version, ct);
        }
        if (decision.Throttled)
        {
            await audit.RecordAsync(LoopSteps.Throttled, "retrain held back by the rate limit", decision.Reason, decision.Limit!.Numbers, champion.Version, ct);
            return ("throttled", null);
        }
        await audit.RecordAsync(LoopSteps.Decision, decision.Retrain ? "retrain" : "no retrain", decision.Reason,
            new Dictionary<string, double> { ["fired"] = fired.Count, ["triggers"] = decision.Triggers.Count, ["window_hours"] = Math.Round((signals.Now - since).TotalHours, 4) }, champion.Version, ct);
        if (!decision.Retrain) return ("none", null);

        if (loop.RetrainIn == "worker") return (await QueueRetrainAsync(project, audit, champion, ct), null);
        var outcome = await RetrainStep.RecordedAsync(project, null, ct, loop.Canary.Enabled ? CanaryAlias : null, loop.Retrain.ImportanceWeights);
        var result = RetrainResult.From(outcome, ModelReport.WriteTraining(project, outcome));
        if (result.Shift is { } shift) await RecordShiftAsync(audit, shift, result.Candidate, ct);
        return (await AfterRetrainAsync(project, audit, canaries, champion, result, new Dictionary<string, double>(result.Numbers), ct), result.Report);
    }

    /// <summary>Gates, canary or promotion after a retrain, whether it ran here or in <c>recur worker</c>.</summary>
    private static async Task<string> AfterRetrainAsync(RecurProject project, LoopAudit audit, CanaryFile canaries, ModelVersion champion, RetrainResult result,
        Dictionary<string, double> numbers, CancellationToken ct)
    {
        var config = project.Config;
        var loop = config.Loop;
        var candidate = result.Candidate;
        await audit.RecordAsync(LoopSteps.Retrained, result.Promote ? $"candidate v{candidate} passed the gates" : $"candidate {(candidate is { } c ? $"v{c} " : "")}rejected by the gates",
            $"{result.GateReason}; report {Path.GetFileName(result.Report)}", numbers, candidate, ct);
        if (!result.Promote) return "rejected";
        if (!result.Registered || candidate is null)
        {
            await audit.RecordAsync(LoopSteps.Decision, "nothing new to try", $"the candidate is byte-identical to version {candidate}", numbers, candidate, ct);
            return "none";
        }
        if (!loop.Canary.Enabled)
        {
            await audit.RecordAsync(LoopSteps.Promoted, $"v{candidate} is the champion (canary off)", result.GateReason, numbers, candidate, ct);
            return "promoted";
        }
        var now = project.Time.GetUtcNow();
        var state = new CanaryState(config.Name, champion.Version, candidate.Value, loop.Canary.Weight, now,
            loop.Canary.Duration.Length > 0 ? now + LoopDuration.Parse(loop.Canary.Duration, "loop.canary.duration") : null, loop.Canary.Requests, 0, audit.Tick);
        canaries.Write(state);
        await audit.RecordAsync(LoopSteps.CanaryStarted, $"canary v{state.Candidate} on {Pct(state.Weight)} of the default traffic against champion v{state.Champion}",
            $"sticky by key until {(state.Deadline is { } d ? d.ToString("u", CultureInfo.InvariantCulture) : "")}{(state.Deadline is not null && state.Requests is not null ? " or " : "")}{(state.Requests is { } r ? $"{r} candidate predictions" : "")}",
            new Dictionary<string, double> { ["weight"] = state.Weight, ["champion"] = state.Champion, ["candidate"] = state.Candidate }, state.Candidate, ct);
        return "canary_started";
    }

    private static async Task<LoopSignals> SignalsAsync(RecurProject project, ModelVersion champion, DateTimeOffset since, CancellationToken ct)
    {
        var config = project.Config;
        var model = await project.Models.LoadAsync(champion, ct);
        var plan = model.Manifest.Plan;
        var metric = MetricOf(config, plan.Task);
        var monitor = await MonitorStep.RunAsync(project, since, ct);
        var joined = await Live.UsableFeedback.JoinAsync(project, since, ct);
        var mine = joined.Where(j => j.Prediction.Version == champion.Version).ToList();
        MetricInterval? live = null;
        if (mine.Count > 0 && LiveMetrics.Compute(plan, mine, model.Manifest.Threshold, config.Seed) is { } m && m.TryGetValue(metric, out var value))
        {
            live = new MetricInterval(metric, value, m.GetValueOrDefault(metric + "_low", value), m.GetValueOrDefault(metric + "_high", value), mine.Count);
        }
        MetricInterval? evaluation = champion.Metrics.TryGetValue(metric, out var e)
            ? new MetricInterval(metric, e, champion.Metrics.GetValueOrDefault(metric + "_low", e), champion.Metrics.GetValueOrDefault(metric + "_high", e), 0)
            : null;
        // The project's own CBPE/DLE estimator unless another is registered; only asked when the trigger is declared.
        var estimator = config.Loop.Triggers.EstimatedDrop is null ? null
            : project.Services.GetService<IPerformanceEstimator>() ?? new ProjectPerformanceEstimator(project);
        return new LoopSignals
        {
            Now = project.Time.GetUtcNow(),
            LastRetrainAt = since,
            Drift = monitor.Drift,
            Live = live,
            Evaluation = evaluation,
            EstimatorWired = estimator is not null,
            Estimate = estimator is null ? null : await estimator.EstimateAsync(config.Name, champion.Version, metric, since, ct),
            LowerIsBetter = MetricDirection.LowerIsBetter(metric),
            NewLabelledRows = joined.Count,
        };
    }

    /// <summary>The metric the loop judges: <c>promotion.metric</c>, or the task's default.</summary>
    internal static string MetricOf(ProjectConfig config, Core.Modeling.ModelTask task) =>
        string.IsNullOrEmpty(config.Promotion.Metric) ? TaskScoring.DefaultMetric(task) : config.Promotion.Metric;

    private static string Pct(double weight) => weight.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
