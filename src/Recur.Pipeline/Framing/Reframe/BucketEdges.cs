using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Framing.Reframe;

/// <summary>The inner bucket edges of a reframed regression: given in recur.yaml, or quantiles of the training targets.</summary>
public static class BucketEdges
{
    /// <summary>
    /// The edges for these targets: framing.reframe.edges as given, else the k/n quantiles (k = 1 … n − 1) of the targets,
    /// ties merged, so a label with few distinct values gets fewer buckets than asked. Refused when every target would
    /// fall in one bucket.
    /// </summary>
    public static IReadOnlyList<double> For(ReframeConfig config, IReadOnlyList<double> targets)
    {
        IReadOnlyList<double> edges = config.Edges.Count > 0 ? config.Edges : Quantiles(targets, Requested(config));
        var key = config.Edges.Count > 0 ? "framing.reframe.edges" : Key(config);
        var shape = new Training.Composition.BucketSpec(edges, [], [], 0, 0, 0);
        if (edges.Count == 0 || targets.Select(shape.BucketOf).Distinct().Take(2).Count() < 2)
        {
            throw RecurException.Invalid(config.Edges.Count > 0
                ? $"framing.reframe.edges: every label value falls in one bucket (the values run from {Format(targets.Min())} to {Format(targets.Max())}); give edges inside that range"
                : $"framing.reframe.buckets: the label has too few distinct values for {Requested(config)} buckets (every value falls in one)", key);
        }
        return edges;
    }

    /// <summary>The bucket count asked for: framing.reframe.buckets, or the default when only compare is set.</summary>
    public static int Requested(ReframeConfig config) => config.Buckets > 0 ? config.Buckets : ReframeConfig.DefaultBuckets;

    /// <summary>The recur.yaml key the bucket framing is declared with (for errors).</summary>
    public static string Key(ReframeConfig config) =>
        config.Edges.Count > 0 ? "framing.reframe.edges" : config.Buckets > 0 ? "framing.reframe.buckets" : "framing.reframe.compare";

    private static List<double> Quantiles(IReadOnlyList<double> targets, int buckets)
    {
        var sorted = targets.Order().ToArray();
        var edges = new List<double>();
        for (var k = 1; k < buckets; k++)
        {
            var edge = sorted[(int)Math.Floor(k * (double)sorted.Length / buckets)];
            // An edge equal to the smallest value leaves its lower bucket empty; a repeated one makes an empty bucket.
            if (edge > sorted[0] && (edges.Count == 0 || edge > edges[^1])) edges.Add(edge);
        }
        return edges;
    }

    private static string Format(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
