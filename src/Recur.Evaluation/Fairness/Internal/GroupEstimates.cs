using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Fairness.Internal;

/// <summary>Every metric of one group of rows with its percentile bootstrap interval, resampled within the group.</summary>
internal static class GroupEstimates
{
    public static IReadOnlyDictionary<string, Estimate> Measure(LensData data, int[] rows, Random random)
    {
        var counts = data.Count(rows);
        var large = rows.Length >= data.Options.MinGroup;
        var draws = large ? Draw(data, rows, random) : null;
        var result = new Dictionary<string, Estimate>();
        for (var m = 0; m < data.Metrics.Count; m++)
        {
            var metric = data.Metrics[m];
            if (metric.Undefined(counts) is { } why)
            {
                result[metric.Name] = new Estimate(null, null, null, why);
                continue;
            }
            var value = metric.Compute(counts);
            if (draws is null)
            {
                result[metric.Name] = new Estimate(value, null, null, data.TooSmall(rows.Length));
                continue;
            }
            var (low, high) = Resampling.Interval(draws.Select(d => metric.Compute(d)).ToList(), data.Options.Confidence);
            result[metric.Name] = double.IsNaN(low)
                ? new Estimate(value, null, null, "no interval: undefined in every resample")
                : new Estimate(value, low, high);
        }
        return result;
    }

    // The counts of each resample: the group's rows drawn with replacement, as many as it has.
    private static GroupCounts[] Draw(LensData data, int[] rows, Random random)
    {
        var draws = new GroupCounts[data.Options.Resamples];
        var picked = new int[rows.Length];
        for (var r = 0; r < draws.Length; r++)
        {
            for (var i = 0; i < picked.Length; i++) picked[i] = rows[random.Next(rows.Length)];
            draws[r] = data.Count(picked);
        }
        return draws;
    }
}
