using Recur.Core.Project;
using Recur.Monitoring.Drift;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>
/// Drift of a window's sketches against the reference, with the rules of <see cref="DriftDetector"/>: hypothesis tests
/// for a small reference (KS; z-test or chi-square), distances for a large one (normed Wasserstein; Jensen–Shannon),
/// and "insufficient data" below <c>monitoring.min_rows</c> rather than a p-value from a handful of rows.
/// </summary>
/// <remarks>
/// A numeric sketch knows the current CDF only at the ~100 bin edges: KS is the largest gap at an edge (a lower bound of
/// the exact D, short of it by at most one bin's reference mass), and Wasserstein integrates the gap with both CDFs
/// linear between edges. Unseen categories are pooled into one.
/// </remarks>
internal static class SketchDrift
{
    public const string UnseenCategory = "<unseen>";

    private sealed record Raw(string Feature, string Test, double Statistic, double? PValue, double? Threshold, bool? Drifted);

    public static (IReadOnlyList<FeatureDriftPoint> Features, double? Share) Features(PreparedSubject subject, WindowState window)
    {
        var config = subject.Subject.Config;
        if (window.Predictions < config.MinRows)
        {
            var note = $"insufficient data: {window.Predictions} rows, need {config.MinRows} (monitoring.min_rows)";
            return (subject.Features.Select(f => new FeatureDriftPoint(f.Name, "insufficient_data", null, null, null, false, note)).ToList(), null);
        }
        var useTests = subject.Subject.Reference.Rows <= config.TestReferenceMaxRows;
        var raw = subject.Features.Select((f, i) => Compare(f, window.Features[i], useTests, config.DistanceThreshold)).ToList();
        var points = Corrected(raw, config);
        return (points, (double)points.Count(p => p.Drifted) / points.Count);
    }

    public static FeatureDriftPoint? Predictions(PreparedSubject subject, WindowState window)
    {
        var config = subject.Subject.Config;
        if (window.Predictions == 0) return null;
        if (window.Predictions < config.MinRows)
        {
            return new(MonitoringAnswers.PredictionColumn, "insufficient_data", null, null, null, false, $"insufficient data: {window.Predictions} rows, need {config.MinRows} (monitoring.min_rows)");
        }
        var referenceRows = subject.Scores.Reference.Numbers?.Count ?? (subject.Scores.Reference.Categories is { } c ? c.Counts.Sum() + c.OtherCount : 0);
        if (referenceRows == 0) return new(MonitoringAnswers.PredictionColumn, "no_reference", null, null, null, false, "the champion has no validation predictions to compare with");
        var r = Compare(subject.Scores, window.Scores, referenceRows <= config.TestReferenceMaxRows, config.DistanceThreshold);
        return Corrected([r], new MonitoringConfig { PValue = config.PValue, Correction = "none" })[0];
    }

    private static List<FeatureDriftPoint> Corrected(List<Raw> raw, MonitoringConfig config)
    {
        var tested = raw.Where(r => r.PValue is not null && r.Drifted is null).Select(r => r.PValue!.Value).ToList();
        var threshold = config.Correction switch
        {
            "bonferroni" => config.PValue / raw.Count,
            "benjamini_hochberg" or "bh" => BenjaminiHochberg(tested, config.PValue),
            _ => config.PValue,
        };
        var bh = config.Correction is "benjamini_hochberg" or "bh";
        return raw.Select(r => r.Drifted is { } verdict
            ? new FeatureDriftPoint(r.Feature, r.Test, r.Statistic, r.PValue, r.Threshold, verdict)
            : new FeatureDriftPoint(r.Feature, r.Test, r.Statistic, r.PValue, threshold, bh ? threshold > 0 && r.PValue <= threshold : r.PValue < threshold)).ToList();
    }

    // The largest p(k) with p(k) ≤ k/m · α: every p-value at or below it is a discovery. 0 when none.
    private static double BenjaminiHochberg(List<double> pValues, double alpha)
    {
        var sorted = pValues.Where(p => !double.IsNaN(p)).Order().ToList();
        var cutoff = 0.0;
        for (var k = 0; k < sorted.Count; k++)
        {
            if (sorted[k] <= (k + 1) * alpha / sorted.Count) cutoff = sorted[k];
        }
        return cutoff;
    }

    private static Raw Compare(PreparedColumn column, FeatureSketch sketch, bool useTests, double distanceThreshold)
    {
        if (column.Numeric)
        {
            var present = sketch.Present;
            if (present == 0) return new(column.Name, "all_missing", 1, null, 0, true);
            if (column.Reference.Numbers is not { } numbers) return new(column.Name, "no_reference", 0, null, null, false);
            var cdf = CurrentCdf(sketch.Bins!, present);
            if (useTests)
            {
                var d = 0.0;
                for (var k = 0; k < cdf.Length; k++) d = Math.Max(d, Math.Abs(column.ReferenceCdf![k] - cdf[k]));
                return new(column.Name, "ks", d, KsPValue(numbers.Count, present, d), null, null);
            }
            var w = Area(column.Edges!, column.ReferenceCdf!, cdf, present, sketch) / Math.Max(numbers.PopulationStdDev, 0.001);
            return new(column.Name, "wasserstein_normed", w, null, distanceThreshold, w > distanceThreshold);
        }
        var current = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in sketch.Categories!) if (count > 0) current[value] = count;
        if (sketch.Missing > 0) current[DriftDetector.MissingCategory] = current.GetValueOrDefault(DriftDetector.MissingCategory) + sketch.Missing;
        if (sketch.Unseen > 0) current[UnseenCategory] = sketch.Unseen;
        var categories = column.Reference.Categories ?? new Core.Profiles.CategoryReference([], [], 0, 0);
        var (refCounts, curCounts) = ReferenceCategories.Counts(column.Reference.Missing, categories, current);
        if (refCounts.Values.Sum() == 0) return new(column.Name, "no_reference", 0, null, null, false);
        if (!useTests)
        {
            var js = JensenShannon.Distance(refCounts, curCounts);
            return new(column.Name, "jensen_shannon", js, null, distanceThreshold, js > distanceThreshold);
        }
        if (refCounts.Count == 2 && curCounts.Keys.All(refCounts.ContainsKey))
        {
            var first = refCounts.Keys.Order(StringComparer.Ordinal).First();
            var z = ProportionZTest.TwoSample(refCounts[first], refCounts.Values.Sum(), curCounts.GetValueOrDefault(first), curCounts.Values.Sum());
            return new(column.Name, "z_test", z.Statistic, z.PValue, null, null);
        }
        var chi = ChiSquare.Homogeneity(refCounts, curCounts);
        return new(column.Name, "chi_square", chi.Statistic, chi.PValue, null, null);
    }

    // P(X ≤ edge k) of the current values, from the bins (bin k closes at edge k).
    private static double[] CurrentCdf(long[] bins, long present)
    {
        var cdf = new double[bins.Length - 1];
        long below = 0;
        for (var k = 0; k < cdf.Length; k++)
        {
            below += bins[k];
            cdf[k] = (double)below / present;
        }
        return cdf;
    }

    private static double KsPValue(long referenceCount, long currentCount, double statistic)
    {
        double larger = Math.Max(referenceCount, currentCount), smaller = Math.Min(referenceCount, currentCount);
        var effective = Math.Round(larger * smaller / (larger + smaller), MidpointRounding.ToEven);
        return effective < 1 ? double.NaN : KolmogorovDistribution.Survival((int)Math.Min(effective, int.MaxValue), statistic);
    }

    // ∫ |F_ref − F_cur| dx: below the reference minimum and above its maximum the current values are spread evenly
    // between their own extreme and the edge; between edges both CDFs are linear.
    private static double Area(double[] edges, double[] referenceCdf, double[] cdf, long present, FeatureSketch sketch)
    {
        if (edges.Length == 0) return 0;
        var area = 0.0;
        if (sketch.Min is { } min && min < edges[0]) area += (double)sketch.Bins![0] / present * (edges[0] - min) / 2;
        if (sketch.Max is { } max && max > edges[^1]) area += (1 - cdf[^1]) * (max - edges[^1]) / 2;
        for (var k = 0; k + 1 < edges.Length; k++)
        {
            var d0 = referenceCdf[k] - cdf[k];
            var d1 = referenceCdf[k + 1] - cdf[k + 1];
            var width = edges[k + 1] - edges[k];
            area += width * (Math.Sign(d0) * Math.Sign(d1) >= 0
                ? (Math.Abs(d0) + Math.Abs(d1)) / 2
                : (d0 * d0 + d1 * d1) / (2 * (Math.Abs(d0) + Math.Abs(d1))));
        }
        return area;
    }
}
