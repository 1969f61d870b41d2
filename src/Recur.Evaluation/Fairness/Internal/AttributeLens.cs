namespace Recur.Evaluation.Fairness.Internal;

/// <summary>The lens on one sensitive column or intersection: its groups, their disparities and the gaps.</summary>
internal static class AttributeLens
{
    public static AttributeResult Measure(LensData data, string name, IReadOnlyList<string> columns, string[] keys, IReadOnlyDictionary<string, Estimate> overall, int index)
    {
        // Largest group first; ties by name so the order never depends on the data's row order.
        var names = keys.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
        var position = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i);
        var groupOf = keys.Select(k => position[k]).ToArray();
        var members = names.Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < groupOf.Length; r++) members[groupOf[r]].Add(r);

        // A fixed mix of the seed and the attribute's position (HashCode is randomised per process, so it will not do).
        var random = new Random(unchecked((data.Options.Seed * 1_000_003) + index));
        var groups = names.Select((n, g) => new GroupResult(n, members[g].Count, (double)members[g].Count / data.Rows,
            GroupEstimates.Measure(data, members[g].ToArray(), random), members[g].Count >= data.Options.MinGroup)).ToList();
        var leftOut = groups.Where(g => !g.InGaps).Select(g => $"{g.Name}: {data.TooSmall(g.Count)}").ToList();
        var eligible = groups.Select((g, i) => (g, i)).Where(p => p.g.InGaps).Select(p => p.i).ToArray();

        var gaps = GapBootstrap.Run(data, groupOf, names.Length, eligible, random);
        var disparities = data.Metrics.Select((m, mi) => Disparity(m, groups, eligible, overall, gaps, mi)).ToList();
        var selection = disparities.First(d => d.Metric == FairnessMetric.SelectionRate.Name);
        var tpr = disparities.First(d => d.Metric == FairnessMetric.Tpr.Name).Difference;
        var fpr = disparities.First(d => d.Metric == FairnessMetric.Fpr.Name).Difference;
        var equalizedOdds = tpr.Value is { } t && fpr.Value is { } f
            ? gaps.EqualizedOdds(Math.Max(t, f))
            : new Estimate(null, null, null, tpr.Reason ?? fpr.Reason ?? "undefined");
        var ratio = selection.Ratio;
        var fourFifths = new FourFifthsResult(ratio, selection.Lowest, selection.Highest, data.Options.FourFifths,
            ratio.Value is { } v ? v >= data.Options.FourFifths : null);
        return new AttributeResult(name, columns, groups, disparities, selection.Difference, equalizedOdds, fourFifths, leftOut);
    }

    private static MetricDisparity Disparity(FairnessMetric metric, List<GroupResult> groups, int[] eligible, IReadOnlyDictionary<string, Estimate> overall, GapBootstrap gaps, int m)
    {
        var all = overall[metric.Name].Value;
        var toOverall = groups.Select(g =>
        {
            var v = g.Metrics[metric.Name].Value;
            return new ToOverall(g.Name, v - all, metric.Signed || v is null || all is null or 0 ? null : v / all);
        }).ToList();
        var defined = eligible.Where(i => groups[i].Metrics[metric.Name].Value is not null).ToList();
        if (defined.Count < 2)
        {
            var why = $"fewer than two groups with at least {gaps.MinGroup} rows define {metric.Name}";
            return new MetricDisparity(metric.Name, null, null, new Estimate(null, null, null, why), new Estimate(null, null, null, why), toOverall);
        }
        var highest = defined.MaxBy(i => groups[i].Metrics[metric.Name].Value!.Value);
        var lowest = defined.MinBy(i => groups[i].Metrics[metric.Name].Value!.Value);
        var (hi, lo) = (groups[highest].Metrics[metric.Name].Value!.Value, groups[lowest].Metrics[metric.Name].Value!.Value);
        var difference = gaps.Difference(m, hi - lo);
        var ratio = metric.Signed ? new Estimate(null, null, null, $"{metric.Name} is a signed difference; a ratio means nothing")
            : hi == 0 ? new Estimate(null, null, null, $"the highest {metric.Name} is 0")
            : gaps.Ratio(m, lo / hi);
        return new MetricDisparity(metric.Name, groups[highest].Name, groups[lowest].Name, difference, ratio, toOverall);
    }
}
