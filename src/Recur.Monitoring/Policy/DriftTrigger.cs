using System.Globalization;

namespace Recur.Monitoring.Policy;

/// <summary>Fires when the share of drifted features reaches <paramref name="share"/> on at least <paramref name="minRows"/> logged rows.</summary>
public sealed class DriftTrigger(double share, int minRows) : ILoopTrigger
{
    /// <inheritdoc />
    public string Name => "drift";

    /// <inheritdoc />
    public TriggerResult Evaluate(LoopSignals signals)
    {
        if (signals.Drift is not { } drift) return new(Name, false, "nothing logged since the last retrain", new Dictionary<string, double> { ["rows"] = 0 });
        var numbers = new Dictionary<string, double>
        {
            ["rows"] = drift.CurrentRows, ["drifted"] = drift.Features.Count(f => f.Drifted), ["features"] = drift.Features.Count,
            ["share"] = drift.DriftedShare, ["threshold"] = share,
        };
        if (drift.CurrentRows < minRows) return new(Name, false, $"only {drift.CurrentRows} logged rows; drift is judged from {minRows}", numbers);
        var names = string.Join(", ", drift.Features.Where(f => f.Drifted).Select(f => f.Feature));
        var text = drift.DriftedShare.ToString("0.###", CultureInfo.InvariantCulture);
        return drift.DriftedShare >= share
            ? new(Name, true, $"{numbers["drifted"]} of {drift.Features.Count} features drifted (share {text} >= {share.ToString(CultureInfo.InvariantCulture)}): {names}", numbers)
            : new(Name, false, $"{numbers["drifted"]} of {drift.Features.Count} features drifted (share {text} < {share.ToString(CultureInfo.InvariantCulture)})", numbers);
    }
}
