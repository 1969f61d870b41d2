using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Fairness.Internal;

/// <summary>
/// Intervals on the gaps between groups: every row is resampled with replacement, each eligible group's
/// metrics are recomputed on its drawn rows, and the worst-case difference and ratio of each metric (and the
/// equalized-odds gap) is taken per resample, whichever groups are highest and lowest in that resample.
/// </summary>
internal sealed class GapBootstrap
{
    private readonly List<double>[] _differences;
    private readonly List<double>[] _ratios;
    private readonly List<double> _equalizedOdds = [];
    private readonly double _confidence;

    private GapBootstrap(int metrics, double confidence, int minGroup)
    {
        _differences = Enumerable.Range(0, metrics).Select(_ => new List<double>()).ToArray();
        _ratios = Enumerable.Range(0, metrics).Select(_ => new List<double>()).ToArray();
        _confidence = confidence;
        MinGroup = minGroup;
    }

    public int MinGroup { get; }

    public static GapBootstrap Run(LensData data, int[] groupOf, int groupCount, int[] eligible, Random random)
    {
        var result = new GapBootstrap(data.Metrics.Count, data.Options.Confidence, data.Options.MinGroup);
        if (eligible.Length < 2) return result;
        var tpr = IndexOf(data, FairnessMetric.Tpr);
        var fpr = IndexOf(data, FairnessMetric.Fpr);
        var tp = new int[groupCount];
        var fp = new int[groupCount];
        var tn = new int[groupCount];
        var fn = new int[groupCount];
        var sum = new double[groupCount];
        var scored = data.Scores.Length > 0;
        var values = new double[eligible.Length];
        for (var r = 0; r < data.Options.Resamples; r++)
        {
            Array.Clear(tp); Array.Clear(fp); Array.Clear(tn); Array.Clear(fn); Array.Clear(sum);
            for (var i = 0; i < data.Rows; i++)
            {
                var row = random.Next(data.Rows);
                var g = groupOf[row];
                if (data.Labels[row]) { if (data.Decisions[row]) tp[g]++; else fn[g]++; }
                else if (data.Decisions[row]) fp[g]++;
                else tn[g]++;
                if (scored) sum[g] += data.Scores[row];
            }
            var counts = eligible.Select(g => new GroupCounts(tp[g], fp[g], tn[g], fn[g], scored ? sum[g] : double.NaN)).ToArray();
            for (var m = 0; m < data.Metrics.Count; m++)
            {
                for (var e = 0; e < counts.Length; e++) values[e] = counts[e].Rows == 0 ? double.NaN : data.Metrics[m].Compute(counts[e]);
                var (low, high) = Extremes(values);
                result._differences[m].Add(high - low);
                result._ratios[m].Add(high == 0 ? double.NaN : low / high);
            }
            result._equalizedOdds.Add(Math.Max(result._differences[tpr][^1], result._differences[fpr][^1]));
        }
        return result;
    }

    public Estimate Difference(int metric, double value) => With(value, _differences[metric]);

    public Estimate Ratio(int metric, double value) => With(value, _ratios[metric]);

    public Estimate EqualizedOdds(double value) => With(value, _equalizedOdds);

    private Estimate With(double value, List<double> estimates)
    {
        var (low, high) = Resampling.Interval([.. estimates], _confidence);
        return double.IsNaN(low) ? new Estimate(value, null, null, "no interval: undefined in every resample") : new Estimate(value, low, high);
    }

    // The lowest and highest defined value; NaN for both when fewer than two groups define it.
    private static (double Low, double High) Extremes(double[] values)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        var defined = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            defined++;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        return defined < 2 ? (double.NaN, double.NaN) : (low, high);
    }

    private static int IndexOf(LensData data, FairnessMetric metric)
    {
        for (var m = 0; m < data.Metrics.Count; m++) if (data.Metrics[m].Name == metric.Name) return m;
        throw new InvalidOperationException($"the lens always measures {metric.Name}");
    }
}
