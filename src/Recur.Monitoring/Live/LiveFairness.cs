using System.Globalization;
using System.Text.Json;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Core.Statistics;

namespace Recur.Monitoring.Live;

/// <summary>One group of a sensitive column in one window.</summary>
/// <param name="Group">The column's value (<c>(missing)</c> when the logged inputs hold none).</param>
/// <param name="Rows">Predictions of the group in the window.</param>
/// <param name="Labelled">Those with a usable label.</param>
/// <param name="Status"><c>ok</c>, or <c>insufficient_data</c> when fewer than the minimum were labelled (no metric then).</param>
/// <param name="Metric">Accuracy (classification, Wilson interval) or MAE (regression, bootstrap interval); null when insufficient.</param>
/// <param name="SelectionRate">Share predicted positive at the version's threshold, with its Wilson interval (binary only; no labels needed).</param>
public sealed record GroupPerformance(string Group, int Rows, int Labelled, string Status, MetricValue? Metric, MetricValue? SelectionRate);

/// <summary>Fairness over time: the groups of one column in one window and the worst-group gaps.</summary>
/// <param name="Column">The sensitive column.</param>
/// <param name="Metric">The metric compared: accuracy or mae.</param>
/// <param name="Groups">The groups, by name.</param>
/// <param name="MetricGap">The largest minus the smallest metric among groups with enough labels, with a seeded bootstrap interval; null with fewer than two such groups.</param>
/// <param name="SelectionRateGap">The same for the selection rate among groups with enough rows (binary only).</param>
public sealed record GroupFairness(string Column, string Metric, IReadOnlyList<GroupPerformance> Groups, MetricValue? MetricGap, MetricValue? SelectionRateGap);

/// <summary>Per group of a sensitive column (read from the logged inputs): the metric, the selection rate and the gaps.</summary>
public static class LiveFairness
{
    /// <summary>The group value of a row whose logged inputs lack the column.</summary>
    public const string Missing = "(missing)";

    /// <summary>
    /// Measures one column in one window. Binary rows count as predicted positive when their score reaches
    /// <paramref name="threshold"/> (the version's threshold, as for the window's metrics).
    /// </summary>
    public static GroupFairness Of(string column, FeaturePlan plan, IReadOnlyList<PredictionRecord> rows, IReadOnlyList<LabelledPrediction> labelled, double threshold, int minGroup, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labelled);
        var regression = plan.Task == ModelTask.Regression;
        var binary = plan.Task == ModelTask.Binary;
        var metricName = regression ? "mae" : "accuracy";
        var byGroupRows = rows.GroupBy(r => GroupOf(r, column)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byGroupLabelled = labelled.GroupBy(l => GroupOf(l.Prediction, column)).ToDictionary(g => g.Key, g => g.Select(l => PerRow(plan, l, threshold)).ToArray(), StringComparer.Ordinal);
        var groups = new List<GroupPerformance>();
        var metricValues = new List<double[]>();
        var selectionValues = new List<double[]>();
        foreach (var group in byGroupRows.Keys.Order(StringComparer.Ordinal))
        {
            var groupRows = byGroupRows[group];
            var values = byGroupLabelled.GetValueOrDefault(group) ?? [];
            var enough = values.Length >= minGroup;
            MetricValue? metric = null;
            if (enough)
            {
                metric = regression ? Bootstrapped(metricName, values, seed) : Proportion(metricName, values);
                metricValues.Add(values);
            }
            MetricValue? selection = null;
            if (binary)
            {
                var selected = groupRows.Select(r => r.Score >= threshold ? 1.0 : 0.0).ToArray();
                selection = Proportion("selection_rate", selected);
                if (groupRows.Count >= minGroup) selectionValues.Add(selected);
            }
            groups.Add(new GroupPerformance(group, groupRows.Count, values.Length, enough ? LivePerformance.Ok : LivePerformance.InsufficientData, metric, selection));
        }
        return new GroupFairness(column, metricName, groups, Gap(metricName + "_gap", metricValues, seed), binary ? Gap("selection_rate_gap", selectionValues, seed) : null);
    }

    /// <summary>A row's value of a column of its logged inputs, as text.</summary>
    public static string GroupOf(PredictionRecord record, string column)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var doc = JsonDocument.Parse(record.InputsJson);
        if (!doc.RootElement.TryGetProperty(column, out var value)) return Missing;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? Missing,
            JsonValueKind.Null or JsonValueKind.Undefined => Missing,
            _ => value.GetRawText(),
        };
    }

    // Binary: 1 when the prediction at the threshold was right; multiclass: the logged class; regression: the absolute error.
    private static double PerRow(FeaturePlan plan, LabelledPrediction l, double threshold)
    {
        if (plan.Task == ModelTask.Binary) return (l.Prediction.Score >= threshold) == (l.TrueLabel == plan.Positive) ? 1 : 0;
        if (plan.Task == ModelTask.Multiclass) return l.Prediction.Label == l.TrueLabel ? 1 : 0;
        return double.TryParse(l.TrueLabel, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual) ? Math.Abs(l.Prediction.Score - actual) : double.NaN;
    }

    private static MetricValue Proportion(string name, double[] ones)
    {
        var successes = (int)ones.Sum();
        var (low, high) = WilsonInterval.Of(successes, ones.Length);
        return new MetricValue(name, ones.Length == 0 ? double.NaN : (double)successes / ones.Length, low, high);
    }

    private static MetricValue Bootstrapped(string name, double[] values, int seed)
    {
        var (low, high) = Resampled([values], seed, means => means[0]);
        return new MetricValue(name, values.Average(), low, high);
    }

    private static MetricValue? Gap(string name, List<double[]> groups, int seed)
    {
        if (groups.Count < 2) return null;
        var means = groups.Select(g => g.Average()).ToArray();
        var (low, high) = Resampled(groups, seed, m => m.Max() - m.Min());
        return new MetricValue(name, means.Max() - means.Min(), low, high);
    }

    // Percentile bootstrap (200 resamples, 95 %), resampling each group's rows separately.
    private static (double Low, double High) Resampled(IReadOnlyList<double[]> groups, int seed, Func<double[], double> statistic)
    {
        const int resamples = 200;
        var random = new Random(seed);
        var draws = new double[resamples];
        var means = new double[groups.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var values = groups[g];
                var sum = 0.0;
                for (var i = 0; i < values.Length; i++) sum += values[random.Next(values.Length)];
                means[g] = sum / values.Length;
            }
            draws[r] = statistic(means);
        }
        Array.Sort(draws);
        return (Quantile(draws, 0.025), Quantile(draws, 0.975));
    }

    /// <summary>The linear-interpolation quantile of sorted values (numpy's default).</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
