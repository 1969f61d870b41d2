using System.Globalization;
using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Framing.Rebalance;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of framing.rebalance; errors name the key (and its line, through <see cref="ConfigLocation"/>).</summary>
internal static class RebalanceValidation
{
    public static void Validate(ProjectConfig c)
    {
        var r = c.Framing.Rebalance;
        if (r.Methods.FirstOrDefault(m => !RebalanceFraming.Methods.Contains(m)) is { } unknown)
        {
            throw Invalid("framing.rebalance.methods", $"'{unknown}' is not a rebalancing method (one of: {string.Join(", ", RebalanceFraming.Methods)})");
        }
        if (r.Methods.GroupBy(m => m).FirstOrDefault(g => g.Count() > 1) is { } twice) throw Invalid("framing.rebalance.methods", $"'{twice.Key}' is listed twice");
        if (r.Models < 1) throw Invalid("framing.rebalance.models", $"must be at least 1 (the number of down-sampled models averaged), not {r.Models}");
        if (r.Models > 50) throw Invalid("framing.rebalance.models", $"must be at most 50, not {r.Models}");
        if (r.DownsampleRatio is not (>= 1 and <= 100)) throw Invalid("framing.rebalance.downsample_ratio", $"must be from 1 (balanced) to 100 majority rows per minority row, not {Num(r.DownsampleRatio)}");
        if (r.UpsampleRatio is not (>= 1 and <= 100)) throw Invalid("framing.rebalance.upsample_ratio", $"must be from 1 (balanced) to 100 majority rows per minority row, not {Num(r.UpsampleRatio)}");
        if (r.MinorityBelow is not (> 0 and <= 0.5)) throw Invalid("framing.rebalance.minority_below", $"must be a share in (0, 0.5], not {Num(r.MinorityBelow)}");
        if (r.Beta is not (>= 0 and <= 100) || double.IsNaN(r.Beta)) throw Invalid("framing.rebalance.beta", $"must be above 0 (0 or absent: from the cost matrix, else 2), not {Num(r.Beta)}");
        if (r.PrecisionAt is not (> 0 and <= 1)) throw Invalid("framing.rebalance.precision_at", $"must be a precision in (0, 1], not {Num(r.PrecisionAt)}");
        if (r.ThresholdFor is not ("f_beta" or "recall_at_precision")) throw Invalid("framing.rebalance.threshold_for", $"'{r.ThresholdFor}' is not f_beta or recall_at_precision");
        if (r.Weights.FirstOrDefault(w => !(w.Value > 0) || !double.IsFinite(w.Value)) is { Key: not null } bad)
        {
            throw Invalid($"framing.rebalance.weights.{bad.Key}", $"must be a positive number, not {Num(bad.Value)}");
        }
        if (r.Weights.Count > 0 && !r.Methods.Contains("class_weights")) throw Invalid("framing.rebalance.weights", "are for the class_weights method, which framing.rebalance.methods does not list");
    }

    private static RecurException Invalid(string key, string problem) => RecurException.Invalid($"recur.yaml: {key} {problem}", key);

    private static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
}
