using System.Globalization;
using Recur.Core.Project;
using Recur.Monitoring.Drift;

namespace Recur.Monitoring.Policy;

/// <summary>Whether to retrain, and why.</summary>
public sealed record RetrainDecision(bool Retrain, string Reason);

/// <summary>Retrains when enough features drift on a large enough current sample.</summary>
public static class RetrainingPolicy
{
    /// <summary>Applies the policy declared under <c>monitoring:</c> to a drift report.</summary>
    public static RetrainDecision Decide(DriftReport drift, MonitoringConfig config)
    {
        if (drift.CurrentRows < config.MinRows)
        {
            return new(false, $"only {drift.CurrentRows} logged rows; the policy needs {config.MinRows} before judging drift");
        }
        var drifted = drift.Features.Where(f => f.Drifted).Select(f => f.Feature).ToList();
        var share = drift.DriftedShare.ToString("0.##", CultureInfo.InvariantCulture);
        return drift.DriftedShare >= config.RetrainDriftShare
            ? new(true, $"{drifted.Count} of {drift.Features.Count} features drifted (share {share} >= {config.RetrainDriftShare}): {string.Join(", ", drifted)}")
            : new(false, $"{drifted.Count} of {drift.Features.Count} features drifted (share {share} < {config.RetrainDriftShare})");
    }
}
