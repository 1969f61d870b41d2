using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// Reframing: a regression answered by a multiclass member (named "buckets") over the value's buckets
/// (<see cref="BucketSpec"/>). The composed model's task stays regression: its value is the distribution's expected
/// value, and each row's <see cref="OutputDetail"/> carries the distribution by bucket name and the central interval at
/// the spec's level (<see cref="BucketDistribution"/>).
/// </summary>
public sealed class BucketComposition : IComposition
{
    /// <summary>The member holding the bucket classifier.</summary>
    public const string Member = "buckets";

    /// <inheritdoc />
    public string Name => "buckets";

    /// <inheritdoc />
    public string Description => "a classifier over the value's buckets: expected value of the bucket means, distribution and interval";

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        var spec = model.SpecAs<BucketSpec>();
        var member = model.Member(Member);
        var classes = member.Manifest.Plan.Classes;
        // A bucket no training row fell in is no class of the member: its probability is 0.
        var column = Enumerable.Range(0, spec.Count).Select(k => IndexOf(classes, spec.Classes[k])).ToArray();
        var scores = member.ScoreClasses(rows);
        var values = new double[rows.RowCount];
        var details = new OutputDetail?[rows.RowCount];
        var names = Enumerable.Range(0, spec.Count).Select(spec.Name).ToArray();
        for (var r = 0; r < values.Length; r++)
        {
            var p = new double[spec.Count];
            var total = 0.0;
            for (var k = 0; k < p.Length; k++) total += p[k] = column[k] < 0 ? 0 : Math.Max(0, scores[r][column[k]]);
            for (var k = 0; k < p.Length; k++) p[k] = total > 0 ? p[k] / total : 1.0 / p.Length;
            values[r] = BucketDistribution.Expected(spec, p);
            var (low, high) = BucketDistribution.Interval(spec, p, spec.Level);
            var distribution = new Dictionary<string, double>(p.Length, StringComparer.Ordinal);
            for (var k = 0; k < p.Length; k++) distribution[names[k]] = p[k];
            details[r] = new OutputDetail { Low = low, High = high, Level = spec.Level, Distribution = distribution };
        }
        return ModelOutput.Regression(values) with { Details = details };
    }

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (var i = 0; i < classes.Count; i++) if (classes[i] == name) return i;
        return -1;
    }
}
