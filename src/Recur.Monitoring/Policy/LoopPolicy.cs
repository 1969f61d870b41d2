using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Recur.Monitoring.Policy;

/// <summary>The loop's decision: the triggers that fired, and whether the rate limit lets a retrain start.</summary>
/// <param name="Retrain">Whether to retrain now.</param>
/// <param name="Throttled">Whether a trigger fired but the rate limit held the retrain back.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Triggers">Every trigger evaluated, fired or not.</param>
/// <param name="Limit">The rate limit's answer; null when no trigger fired.</param>
public sealed record LoopDecision(bool Retrain, bool Throttled, string Reason, IReadOnlyList<TriggerResult> Triggers, RateLimitResult? Limit);

/// <summary>Applies the triggers of <c>loop.triggers</c> and the rate limit: any trigger firing asks for a retrain, the limit may hold it back.</summary>
public static class LoopPolicy
{
    /// <summary>Evaluates every trigger on the signals and, when one fires, the rate limit.</summary>
    public static LoopDecision Decide(IReadOnlyList<ILoopTrigger> triggers, LoopSignals signals, Func<RateLimitResult> limit, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(limit);
        logger ??= NullLogger.Instance;
        var results = triggers.Select(t => t.Evaluate(signals)).ToList();
        var fired = results.Where(r => r.Fired).ToList();
        if (triggers.Count == 0) return Logged(logger, new(false, false, "no trigger is on (loop.triggers)", results, null));
        if (fired.Count == 0) return Logged(logger, new(false, false, "no trigger fired", results, null));
        var why = string.Join("; ", fired.Select(f => $"{f.Trigger}: {f.Why}"));
        var rate = limit();
        return Logged(logger, rate.Allowed
            ? new(true, false, why, results, rate)
            : new(false, true, $"{why} — but {rate.Why}", results, rate));
    }

    private static LoopDecision Logged(ILogger logger, LoopDecision decision)
    {
        if (decision.Retrain) logger.RetrainTriggered(decision.Reason);
        else logger.RetrainNotNeeded(decision.Reason);
        return decision;
    }
}
