using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Project;
using Recur.Monitoring.Drift;

namespace Recur.Monitoring.Policy;

/// <summary>Whether to retrain, and why.</summary>
public sealed record RetrainDecision(bool Retrain, string Reason);

/// <summary>Retrains when enough features drift on a large enough current sample.</summary>
public static class RetrainingPolicy
{
    /// <summary>Applies the policy declared under <c>monitoring:</c> to a drift report; drift found and the decision are logged through <paramref name="logger"/>.</summary>
    public static RetrainDecision Decide(DriftReport drift, MonitoringConfig config, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        if (drift.CurrentRows < config.MinRows)
        {
            return Logged(logger, new(false, $"only {drift.CurrentRows} logged rows; the policy needs {config.MinRows} before judging drift"));
        }
        var drifted = drift.Features.Where(f => f.Drifted).Select(f => f.Feature).ToList();
        if (drifted.Count > 0) logger.DriftFound(drifted.Count, drift.Features.Count, drift.CurrentRows, string.Join(", ", drifted));
        var share = drift.DriftedShare.ToString("0.##", CultureInfo.InvariantCulture);
        // The share is over the judged features; those with too few values are named apart, never counted as stable.
        var judged = drift.Judged + drift.NotJudged == 0 ? drift.Features.Count : drift.Judged;
        var of = drift.NotJudged > 0 ? $"{judged} judged features ({drift.NotJudged} not judged: insufficient data)" : $"{judged} features";
        return Logged(logger, drift.DriftedShare >= config.RetrainDriftShare
            ? new(true, $"{drifted.Count} of {of} drifted (share {share} >= {config.RetrainDriftShare}): {string.Join(", ", drifted)}")
            : new(false, $"{drifted.Count} of {of} drifted (share {share} < {config.RetrainDriftShare})"));
    }

    private static RetrainDecision Logged(ILogger logger, RetrainDecision decision)
    {
        if (decision.Retrain) logger.RetrainTriggered(decision.Reason);
        else logger.RetrainNotNeeded(decision.Reason);
        return decision;
    }
}
