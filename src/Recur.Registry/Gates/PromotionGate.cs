using System.Globalization;
using Recur.Core.Project;

namespace Recur.Registry.Gates;

/// <summary>One check of a promotion gate.</summary>
public sealed record GateCheck(string Name, bool Passed, string Detail);

/// <summary>Whether to promote a candidate, and why.</summary>
public sealed record GateDecision(bool Promote, string Reason, IReadOnlyList<GateCheck> Checks);

/// <summary>
/// Decides promotion as MLflow and TFMA do: an absolute threshold on the metric, then a minimum gain
/// over the heuristic baseline and over the current champion. Every check is reported, pass or fail.
/// For an error metric (<see cref="MetricDirection.LowerIsBetter"/>) a gain is a reduction, and the
/// absolute threshold is the optional ceiling <see cref="PromotionConfig.MaxValue"/> rather than the floor.
/// </summary>
public static class PromotionGate
{
    /// <summary>
    /// Evaluates the gates; <paramref name="champion"/> is null when there is none yet. <paramref name="extra"/>
    /// are further checks decided elsewhere (the significance of the gains), reported and required alike.
    /// </summary>
    public static GateDecision Decide(
        PromotionConfig gates,
        IReadOnlyDictionary<string, double> candidate,
        IReadOnlyDictionary<string, double> baseline,
        IReadOnlyDictionary<string, double>? champion,
        IReadOnlyList<GateCheck>? extra = null)
    {
        var metric = gates.Metric;
        var lowerIsBetter = MetricDirection.LowerIsBetter(metric);
        var value = candidate.GetValueOrDefault(metric, double.NaN);
        var checks = new List<GateCheck>();
        // min_value's default (0.6) is an AUC-like floor that means nothing for an error metric.
        if (!lowerIsBetter)
        {
            checks.Add(Check($"{metric} >= {F(gates.MinValue)}", value >= gates.MinValue, $"candidate {metric} {F(value)}"));
        }
        if (gates.MaxValue is { } max)
        {
            checks.Add(Check($"{metric} <= {F(max)}", value <= max, $"candidate {metric} {F(value)}"));
        }
        checks.Add(Gain("baseline", value, baseline.GetValueOrDefault(metric, double.NaN), gates.MinGainOverBaseline, metric, lowerIsBetter));
        if (champion is not null)
        {
            checks.Add(Gain("champion", value, champion.GetValueOrDefault(metric, double.NaN), gates.MinGainOverChampion, metric, lowerIsBetter));
        }
        if (extra is not null) checks.AddRange(extra);
        var failed = checks.Where(c => !c.Passed).ToList();
        var reason = failed.Count == 0
            ? $"passed all {checks.Count} gates: " + string.Join("; ", checks.Select(c => c.Detail))
            : "rejected: " + string.Join("; ", failed.Select(c => $"{c.Name} failed ({c.Detail})"));
        return new GateDecision(failed.Count == 0, reason, checks);
    }

    private static GateCheck Gain(string against, double value, double reference, double minGain, string metric, bool lowerIsBetter)
    {
        var gain = lowerIsBetter ? reference - value : value - reference;
        return Check($"{metric} gain over {against} >= {F(minGain)}", gain >= minGain,
            $"{metric} {F(value)} vs {against} {F(reference)}, gain {F(gain)}" + (lowerIsBetter ? " (lower is better)" : ""));
    }

    /// <summary>
    /// The check that a gain is distinguishable from noise: the lower end of its paired bootstrap interval
    /// exceeds the minimum gain.
    /// </summary>
    public static GateCheck Significant(string against, string metric, (double Gain, double Low, double High) gain, double minGain, double significance)
    {
        var level = (1 - significance) * 100;
        return Check($"{metric} gain over {against} significant at {F(significance)}", gain.Low > minGain,
            $"{metric} gain over {against} {F(gain.Gain)}, paired {F(level)} % interval [{F(gain.Low)}, {F(gain.High)}]" + (gain.Low > minGain ? "" : $", not clearly above {F(minGain)}"));
    }

    private static GateCheck Check(string name, bool passed, string detail) => new(name, passed && !detail.Contains("NaN"), detail);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
