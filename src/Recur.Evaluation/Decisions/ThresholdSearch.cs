using System.Globalization;
using Recur.Core;
using Recur.Core.Registry;
using Recur.Evaluation.Metrics;

namespace Recur.Evaluation.Decisions;

/// <summary>What deciding at one threshold gives on a set of rows.</summary>
/// <param name="Threshold">Positive when score ≥ this.</param>
/// <param name="Precision">TP / (TP + FP); 1 when nothing is predicted positive.</param>
/// <param name="Recall">TP / positives.</param>
/// <param name="PositiveRate">Share of rows predicted positive.</param>
/// <param name="ValuePerDecision">Mean outcome value per row (NaN without outcome values).</param>
public sealed record OperatingPoint(double Threshold, double Precision, double Recall, double PositiveRate, double ValuePerDecision);

/// <summary>A chosen threshold, why, and every operating point it was chosen among (thinned for drawing).</summary>
/// <param name="Chosen">The chosen operating point.</param>
/// <param name="Sweep">Operating points from the highest threshold to the lowest.</param>
/// <param name="Why">The choice in words.</param>
public sealed record ThresholdChoice(OperatingPoint Chosen, IReadOnlyList<OperatingPoint> Sweep, string Why);

/// <summary>
/// Chooses a binary model's decision threshold from scored rows with known labels (Distinguish Business Logic from ML
/// Model): the threshold of the highest expected value per decision, or of the best recall (precision) that keeps
/// precision (recall) at a floor. Candidate thresholds are the distinct scores; tied scores are decided together.
/// </summary>
public static class ThresholdSearch
{
    /// <summary>Chooses the threshold; an unreachable floor is an error that says the best reachable value.</summary>
    public static ThresholdChoice Choose(double[] scores, bool[] labels, ThresholdObjective objective, OutcomeValues? values)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var sweep = Sweep(scores, labels, values);
        OperatingPoint chosen;
        string why;
        switch (objective.Kind)
        {
            case "expected_value":
                if (values is null) throw RecurException.Invalid("decision: the expected_value objective needs outcome values (decision.values or decision.cost_matrix)", "decision.objective");
                chosen = sweep.MaxBy(p => p.ValuePerDecision)!;
                why = $"the highest expected value per decision ({F(chosen.ValuePerDecision)})";
                break;
            case "precision":
            {
                var meeting = sweep.Where(p => p.Precision >= objective.Floor && p.PositiveRate > 0).ToList();
                if (meeting.Count == 0) throw RecurException.Invalid($"decision.objective: no threshold reaches precision >= {F(objective.Floor)} on the {scores.Length} rows (the highest is {F(sweep.Where(p => p.PositiveRate > 0).Max(p => p.Precision))})", "decision.objective");
                chosen = meeting.MaxBy(p => (p.Recall, p.Threshold))!;
                why = $"the highest recall ({F(chosen.Recall)}) with precision >= {F(objective.Floor)}";
                break;
            }
            default:
            {
                var meeting = sweep.Where(p => p.Recall >= objective.Floor).ToList();
                chosen = meeting.MaxBy(p => (p.Precision, p.Threshold))!;
                why = $"the highest precision ({F(chosen.Precision)}) with recall >= {F(objective.Floor)}";
                break;
            }
        }
        return new ThresholdChoice(chosen, Thin(sweep), why);
    }

    /// <summary>
    /// The mean value per decision at a threshold, with a seeded percentile bootstrap 95 % interval over the rows.
    /// </summary>
    public static (double Value, double Low, double High) ValueAt(double[] scores, bool[] labels, double threshold, OutcomeValues values, int seed, int resamples = 1000)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(values);
        var perRow = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++) perRow[i] = Outcome(scores[i] >= threshold, labels[i], values);
        var (low, high) = BootstrapInterval.OfRows(perRow.Length, rows => rows.Average(r => perRow[r]), resamples, seed);
        return (perRow.Average(), low, high);
    }

    /// <summary>Every operating point, from predicting nothing positive to predicting everything positive.</summary>
    public static List<OperatingPoint> Sweep(double[] scores, bool[] labels, OutcomeValues? values)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Length == 0 || scores.Length != labels.Length) throw new ArgumentException("One label per score, at least one row, is required.", nameof(labels));
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(scores.ToArray(), order);
        Array.Reverse(order);
        var n = scores.Length;
        var positives = labels.Count(l => l);
        var negatives = n - positives;
        long tp = 0, fp = 0;
        // Above every score (and above 1, so a stored policy at this point never decides positive), yet finite for JSON.
        var points = new List<OperatingPoint> { Point(Math.BitIncrement(Math.Max(1.0, scores.Max())), 0, 0) };
        for (var i = 0; i < order.Length;)
        {
            var value = scores[order[i]];
            for (; i < order.Length && scores[order[i]] == value; i++)
            {
                if (labels[order[i]]) tp++; else fp++;
            }
            points.Add(Point(value, tp, fp));
        }
        return points;

        OperatingPoint Point(double threshold, long truePositives, long falsePositives)
        {
            var (fn, tn) = (positives - truePositives, negatives - falsePositives);
            var value = values is null ? double.NaN
                : (truePositives * values.TruePositive + falsePositives * values.FalsePositive + tn * values.TrueNegative + fn * values.FalseNegative) / n;
            return new OperatingPoint(threshold, truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives),
                positives == 0 ? 0 : (double)truePositives / positives, (double)(truePositives + falsePositives) / n, value);
        }
    }

    private static double Outcome(bool predicted, bool actual, OutcomeValues v) =>
        predicted ? (actual ? v.TruePositive : v.FalsePositive) : (actual ? v.FalseNegative : v.TrueNegative);

    /// <summary>At most 200 operating points spread evenly over a sweep, for drawing and storing.</summary>
    public static List<OperatingPoint> Thin(List<OperatingPoint> all)
    {
        if (all.Count <= 200) return all;
        var step = (all.Count - 1) / 199.0;
        return [.. Enumerable.Range(0, 200).Select(k => all[(int)Math.Round(k * step)]).Distinct()];
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
