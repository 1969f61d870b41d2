using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Reframe;

/// <summary>
/// framing.reframe.buckets / edges: a regression label trained as classification over its buckets, one candidate per
/// declared trainer that learns multiclass. The candidate is a composed regression model (<see cref="BucketComposition"/>):
/// expected value, distribution and interval. <c>recur train --compare-framings</c> turns it on for any regression.
/// </summary>
public sealed class BucketFraming : IFraming
{
    /// <inheritdoc />
    public string Name => "buckets";

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Framing.Reframe.BucketsDeclared || config.Framing.Reframe.Compare;

    /// <inheritdoc />
    public bool IsPreferred(ProjectConfig config) => config.Framing.Reframe.Prefer || string.Equals(config.Framing.Prefer, Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var reframe = config.Framing.Reframe;
        // Implied by compare alone, it applies to regressions only.
        if (!reframe.BucketsDeclared && plan.Task != ModelTask.Regression) return;
        var key = BucketEdges.Key(reframe);
        if (plan.Task != ModelTask.Regression)
        {
            throw RecurException.Invalid($"{key}: buckets reframe a regression, but label '{plan.Label}' is {plan.Task.ToName()} ({(data[plan.Label] is NumericColumn ? "a number with few values" : "text")}); set task: regression for a numeric label", key);
        }
        BucketEdges.For(reframe, plan.Targets(data));
        if (Learners(config).Count == 0)
        {
            throw RecurException.Invalid($"{key}: the bucket classifier needs a declared trainer that learns multiclass, and none of {string.Join(", ", CandidateSelection.CheckTask(config, plan.Task).Select(c => c.Trainer.Name))} does (e.g. add lightgbm)", key);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        var reframe = context.Config.Framing.Reframe;
        if (context.Plan.Task != ModelTask.Regression) return [];
        var targets = context.Plan.Targets(context.Train);
        var edges = BucketEdges.For(reframe, targets);
        var spec = Spec(edges, targets, reframe.Level);
        var buckets = targets.Select(t => BucketSpec.ClassName(spec.BucketOf(t))).ToArray();
        var table = WithLabel(context.Train, context.Plan.Label, buckets);
        var plan = context.Plan with { Task = ModelTask.Multiclass, Classes = [.. buckets.Distinct().Order(StringComparer.Ordinal)] };
        var how = reframe.Edges.Count > 0 ? "given edges" : $"quantile edges of the training split ({BucketEdges.Requested(reframe)} asked)";
        var candidates = new List<FramedCandidate>();
        foreach (var choice in Learners(context.Config))
        {
            var member = ModelFitter.Fit(context.Config.Name, table, plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain);
            var parameters = new Dictionary<string, string>(member.Manifest.Parameters)
            {
                ["buckets"] = spec.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["level"] = reframe.Level.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            };
            var manifest = member.Manifest with { Trainer = $"buckets({choice.Trainer.Name})", Plan = context.Plan, Parameters = parameters };
            var model = TrainedModel.Compose(manifest, "buckets", [new ComposedMember(BucketComposition.Member, member)], CompositionCatalog.ToSpec(spec));
            candidates.Add(new FramedCandidate(Name, model,
                $"{choice.Trainer.Name} classifier over {spec.Count} buckets of {context.Plan.Label} ({how}); value = expected bucket mean, {reframe.Level:0.##} interval from the distribution"));
        }
        return candidates;
    }

    /// <summary>The fitted spec: each bucket's training mean (its midpoint when empty) and the training range.</summary>
    public static BucketSpec Spec(IReadOnlyList<double> edges, IReadOnlyList<double> targets, double level)
    {
        var shape = new BucketSpec(edges, [], [], targets.Min(), targets.Max(), level);
        var sums = new double[shape.Count];
        var counts = new int[shape.Count];
        foreach (var t in targets)
        {
            var k = shape.BucketOf(t);
            sums[k] += t;
            counts[k]++;
        }
        var means = Enumerable.Range(0, shape.Count).Select(k => counts[k] > 0 ? sums[k] / counts[k] : (shape.Lower(k) + shape.Upper(k)) / 2).ToArray();
        return shape with { Classes = [.. Enumerable.Range(0, shape.Count).Select(BucketSpec.ClassName)], Means = means };
    }

    // The declared trainers that learn multiclass, in declared order.
    private static List<TrainerChoice> Learners(ProjectConfig config) =>
        [.. TrainerChoice.From(config.Training, TrainerCatalog.Standard).Where(c => c.Trainer.Tasks.Contains(ModelTask.Multiclass))];

    // The rows with the label column replaced by the bucket class names.
    private static DataTable WithLabel(DataTable rows, string label, string[] classes) =>
        new([.. rows.Columns.Select(c => c.Name == label ? new TextColumn(new ColumnSpec(label, ColumnType.Text, false), classes) : c)]);
}
