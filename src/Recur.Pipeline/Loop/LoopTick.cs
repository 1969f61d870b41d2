using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Loop;

/// <summary>
/// One tick of the automatic loop (<c>recur loop --once</c>, and every <c>loop.interval</c> in <c>recur serve</c>): poll
/// feedback sources; if a canary runs, judge it once it has run its course (promote or roll back); otherwise
/// monitor, evaluate the triggers and the rate limit, retrain, gate against the champion and the baseline, and start
/// a canary. Every step goes to the audit trail with its numbers.
/// </summary>
public static partial class LoopTick
{
    /// <summary>The alias a candidate on canary holds.</summary>
    public const string CanaryAlias = "canary";

    /// <summary>Runs one tick. Failures are recorded in the audit trail (step <c>failed</c>) and rethrown.</summary>
    public static async Task<LoopTickOutcome> RunAsync(RecurProject project, string why, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var config = project.Config;
        var logger = project.Logging.CreateLogger("Recur.Pipeline.Loop");
        var audit = new LoopAudit(project.Services.GetRequiredService<ILoopStore>(), config.Name, logger, config.Loop.Alerts, project.Time, project.Services.GetService<Core.Observability.RecurMetrics>());
        var canaries = project.Services.GetRequiredService<CanaryFile>();
        await audit.StartAsync(why, ct);
        string action;
        string? report = null;
        try
        {
            await PollAsync(project, audit, ct);
            if (canaries.Read() is { } canary)
            {
                action = await JudgeCanaryAsync(project, audit, canaries, canary, ct);
            }
            else
            {
                (action, report) = await DecideAndRetrainAsync(project, audit, canaries, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LoopFailed(audit.Tick, config.Name, e.Message);
            await audit.RecordAsync(LoopSteps.Failed, "tick failed", e.Message, ct: CancellationToken.None);
            await audit.RecordAsync(LoopSteps.TickFinished, "failed", e.Message, ct: CancellationToken.None);
            throw;
        }
        await audit.RecordAsync(LoopSteps.TickFinished, action, $"tick {audit.Tick} ended: {action}", ct: ct);
        return new LoopTickOutcome(audit.Tick, action, audit.Records, canaries.Read(), report);
    }

    private static async Task PollAsync(RecurProject project, LoopAudit audit, CancellationToken ct)
    {
        var pollers = project.Services.GetServices<IFeedbackPoller>().ToList();
        // The watched folder of recur.yaml is polled like any registered source.
        if (!string.IsNullOrWhiteSpace(project.Config.Monitoring.Feedback.Source)) pollers.Insert(0, new ProjectFeedbackPoller(project));
        foreach (var poller in pollers)
        {
            var taken = await poller.PollAsync(project.Config.Name, ct);
            await audit.RecordAsync(LoopSteps.Polled, $"{taken} labels taken in", $"from {poller.GetType().Name}", new Dictionary<string, double> { ["labels"] = taken }, ct: ct);
        }
    }

    /// <summary>When the loop last retrained, promoted or rolled back; the windows of the next decision open there.</summary>
    internal static DateTimeOffset? LastChange(IReadOnlyList<LoopRecord> history) =>
        history.LastOrDefault(r => r.Step is LoopSteps.Retrained or LoopSteps.Promoted or LoopSteps.RolledBack)?.At;

}
