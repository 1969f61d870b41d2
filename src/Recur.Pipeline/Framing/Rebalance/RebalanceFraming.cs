using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Rebalance;

/// <summary>
/// Rebalancing a skewed label (framing.rebalance, docs/design/rebalancing.md): for each declared trainer, a candidate per
/// method: <c>class_weights</c> (row weights in the fit: inverse frequency or the declared weights), <c>downsample</c>
/// (K models, each on its own seeded down-sample of the larger classes, averaged into one composed model) and
/// <c>upsample</c> (the smaller classes' rows duplicated, seeded). They are compared with the plain fits on the
/// untouched validation rows.
/// </summary>
public sealed class RebalanceFraming : IFraming
{
    /// <summary>The methods, as recur.yaml names them.</summary>
    public static readonly IReadOnlyList<string> Methods = ["class_weights", "downsample", "upsample"];

    /// <inheritdoc />
    public string Name => "rebalance";

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Framing.Rebalance.Declared;

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var r = config.Framing.Rebalance;
        if (plan.Task is not (ModelTask.Binary or ModelTask.Multiclass))
        {
            throw RecurException.Invalid($"framing.rebalance.methods: rebalancing is for a classification label; '{plan.Label}' is a {plan.Task.ToName()} target", "framing.rebalance.methods");
        }
        var counts = ClassSampling.Counts(plan.ClassIndices(data), plan.ClassNames.Count);
        if (counts.Count(c => c > 0) < 2)
        {
            var only = plan.ClassNames[Array.FindIndex(counts, c => c > 0)];
            throw RecurException.Invalid($"framing.rebalance: label '{plan.Label}' holds one class ('{only}') in all {data.RowCount} rows; there is nothing to rebalance", "framing.rebalance.methods");
        }
        if (r.Weights.Keys.FirstOrDefault(k => !plan.ClassNames.Contains(k)) is { } unknown)
        {
            throw RecurException.Invalid($"framing.rebalance.weights.{unknown}: '{unknown}' is not a class of label '{plan.Label}' (classes: {string.Join(", ", plan.ClassNames)})", $"framing.rebalance.weights.{unknown}");
        }
        if (r.Methods.Contains("class_weights"))
        {
            var choices = CandidateSelectionChoices(config);
            if (!choices.Any(ModelFitter.AcceptsWeights))
            {
                throw RecurException.Invalid($"framing.rebalance.methods: class_weights needs a trainer that takes row weights (lightgbm); the declared trainers are {string.Join(", ", choices.Select(c => c.Trainer.Name))}", "framing.rebalance.methods");
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        var r = context.Config.Framing.Rebalance;
        var plan = context.Plan;
        var classes = plan.ClassIndices(context.Train);
        var k = plan.ClassNames.Count;
        var counts = ClassSampling.Counts(classes, k);
        var shares = string.Join(", ", plan.ClassNames.Select((c, i) => $"{c} {counts[i]}"));
        var result = new List<FramedCandidate>();
        foreach (var choice in context.Choices)
        {
            foreach (var method in r.Methods)
            {
                var candidate = method switch
                {
                    "class_weights" => ModelFitter.AcceptsWeights(choice) ? ClassWeights(context, choice, classes, counts, shares) : null,
                    "downsample" => Downsample(context, choice, classes, counts),
                    _ => Upsample(context, choice, classes, counts),
                };
                if (candidate is not null) result.Add(candidate);
            }
        }
        return result;
    }

    private FramedCandidate ClassWeights(FramingContext context, TrainerChoice choice, int[] classes, int[] counts, string shares)
    {
        var r = context.Config.Framing.Rebalance;
        var names = context.Plan.ClassNames;
        var byClass = r.Weights.Count > 0 ? [.. names.Select(n => r.Weights.GetValueOrDefault(n, 1))] : ClassSampling.InverseFrequency(counts);
        var model = ModelFitter.Fit(context.Config.Name, context.Train, context.Plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain,
            Array.ConvertAll(classes, c => byClass[c]));
        var weights = string.Join(", ", names.Select((n, i) => $"{n} {Num(byClass[i])}"));
        var source = r.Weights.Count > 0 ? "declared" : $"inverse frequency of {shares}";
        return new FramedCandidate(Name, model.WithParameters(new Dictionary<string, string> { ["rebalance"] = "class_weights", ["class_weights"] = weights }),
            $"{choice.Trainer.Name} with class weights {weights} ({source})");
    }

    private FramedCandidate Downsample(FramingContext context, TrainerChoice choice, int[] classes, int[] counts)
    {
        var r = context.Config.Framing.Rebalance;
        var members = new List<ComposedMember>();
        var rows = 0;
        for (var m = 0; m < r.Models; m++)
        {
            // Each member draws its own rows (seed + m) and fits with its own seed, so the members differ where the data allows.
            var kept = ClassSampling.Downsample(classes, counts.Length, r.DownsampleRatio, context.Seed + m);
            rows = kept.Count;
            var member = ModelFitter.Fit(context.Config.Name, context.Train.Take(kept), context.Plan, choice, context.Threads, context.Threshold, context.Seed + m, context.Chain);
            members.Add(new ComposedMember($"downsample-{m}", member));
        }
        var first = members[0].Model.Manifest;
        var parameters = new Dictionary<string, string>(first.Parameters)
        {
            ["rebalance"] = "downsample", ["models"] = Num(r.Models), ["downsample_ratio"] = Num(r.DownsampleRatio),
        };
        var manifest = first with { Parameters = parameters, TrainingRows = context.Train.RowCount, Seed = context.Seed };
        var model = TrainedModel.Compose(manifest, "average", members, CompositionCatalog.ToSpec(new { method = "downsample", ratio = r.DownsampleRatio, models = r.Models }));
        return new FramedCandidate(Name, model,
            $"{r.Models} {choice.Trainer.Name} models, each on a seeded down-sample of {rows} rows ({Num(r.DownsampleRatio)} majority per minority row), averaged");
    }

    private FramedCandidate Upsample(FramingContext context, TrainerChoice choice, int[] classes, int[] counts)
    {
        var r = context.Config.Framing.Rebalance;
        var kept = ClassSampling.Upsample(classes, counts.Length, r.UpsampleRatio, context.Seed);
        var model = ModelFitter.Fit(context.Config.Name, context.Train.Take(kept), context.Plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain);
        return new FramedCandidate(Name, model.WithParameters(new Dictionary<string, string> { ["rebalance"] = "upsample", ["upsample_ratio"] = Num(r.UpsampleRatio) }),
            $"{choice.Trainer.Name} on {kept.Count} rows, the smaller classes' rows duplicated (seeded) to {Num(r.UpsampleRatio)} majority per minority row");
    }

    private static IReadOnlyList<TrainerChoice> CandidateSelectionChoices(ProjectConfig config) => TrainerChoice.From(config.Training, TrainerCatalog.Standard);

    private static string Num(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
