using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Metrics;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Features.Transforms;
using Recur.Registry.Gates;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Steps;

/// <summary>
/// One feature group's contribution to the promotion metric: the chosen model with every input against the same
/// trainer refitted without the group, on the same evaluation rows. <see cref="Contribution"/> is positive when the
/// group helps, whichever way the metric points; <see cref="Low"/> and <see cref="High"/> bound its paired bootstrap
/// 95% interval.
/// </summary>
public sealed record AblationResult(string Group, IReadOnlyList<string> Columns, string Metric, double With, double Without, double Contribution, double Low, double High);

/// <summary>What a training run does with the feature groups: leave some out of the model, and measure each of the others.</summary>
/// <param name="Drop">Groups the model is trained without (<c>--drop</c>), recorded in its lineage.</param>
/// <param name="Ablate">Whether to measure each remaining group's contribution (<c>--ablate</c>).</param>
public sealed record GroupOptions(IReadOnlyList<string> Drop, bool Ablate)
{
    /// <summary>Every group in, none measured.</summary>
    public static GroupOptions None { get; } = new([], false);
}

/// <summary>
/// Leaving feature groups out (<c>features.groups</c> in recur.yaml): the plan and the declared transforms without
/// some input columns, for <c>recur train --drop</c> and <c>--ablate</c>. Pure functions of the configuration.
/// </summary>
public static class Ablation
{
    /// <summary>
    /// The features section without the columns: they are excluded, a per-column transform stops reading them, a
    /// combining transform (cross) that reads any of them is dropped, and so is a transform left with no columns.
    /// The original is untouched.
    /// </summary>
    public static FeaturesConfig Without(FeaturesConfig features, IEnumerable<string> columns, TransformCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(columns);
        catalog ??= TransformCatalog.Standard;
        var gone = new HashSet<string>(columns, StringComparer.Ordinal);
        var transforms = new List<TransformConfig>();
        foreach (var t in features.Transforms)
        {
            var combines = catalog.Find(t.Transform)?.Combines ?? false;
            if (combines && t.Columns.Any(gone.Contains)) continue;
            var kept = t.Columns.Where(c => !gone.Contains(c)).ToList();
            if (kept.Count == 0) continue;
            transforms.Add(new TransformConfig { Transform = t.Transform, Columns = kept, Output = t.Output, Params = new(t.Params) });
        }
        return new FeaturesConfig
        {
            Include = [.. features.Include.Where(c => !gone.Contains(c))],
            Exclude = [.. features.Exclude, .. gone.Where(c => !features.Exclude.Contains(c)).Order(StringComparer.Ordinal)],
            Roles = new(features.Roles),
            Transforms = transforms,
            MaxCategories = features.MaxCategories,
            HashBuckets = features.HashBuckets,
            Groups = features.Groups.ToDictionary(g => g.Key, g => g.Value.Where(c => !gone.Contains(c)).ToList()),
        };
    }

    /// <summary>The plan without the columns among its inputs.</summary>
    public static FeaturePlan Without(FeaturePlan plan, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var gone = new HashSet<string>(columns, StringComparer.Ordinal);
        return plan with { Features = [.. plan.Features.Where(f => !gone.Contains(f.Name))] };
    }

    /// <summary>
    /// Checks that every grouped column is one of the plan's inputs; the error names <c>features.groups.NAME</c>. Groups left
    /// out (<paramref name="dropped"/>) are not checked: a retrain of a model trained without them has no such columns.
    /// </summary>
    public static void CheckGroups(FeaturesConfig features, FeaturePlan plan, IReadOnlyCollection<string>? dropped = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(plan);
        var inputs = plan.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (group, columns) in features.Groups.Where(g => dropped?.Contains(g.Key) != true))
        {
            if (columns.FirstOrDefault(c => !inputs.Contains(c)) is { } missing)
            {
                var key = $"features.groups.{group}";
                throw RecurException.Invalid($"{key}: '{missing}' is not a model input (inputs: {string.Join(", ", inputs.Take(12))}{(inputs.Count > 12 ? ", …" : "")})", key);
            }
        }
    }

    /// <summary>The columns of the named groups, for <c>--drop</c>; an unknown group is an error naming <paramref name="option"/>.</summary>
    public static IReadOnlyList<string> ColumnsOf(FeaturesConfig features, IEnumerable<string> groups, string option)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(groups);
        var columns = new List<string>();
        foreach (var group in groups)
        {
            if (!features.Groups.TryGetValue(group, out var members))
            {
                var known = features.Groups.Count == 0 ? "recur.yaml declares no features.groups" : $"features.groups declares: {string.Join(", ", features.Groups.Keys)}";
                throw RecurException.Invalid($"{option} {group}: no such feature group ({known})", option);
            }
            columns.AddRange(members.Where(c => !columns.Contains(c)));
        }
        return columns;
    }

    /// <summary>The groups <c>--ablate</c> leaves out one at a time; none declared is an error naming <c>features.groups</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, List<string>>> GroupsToAblate(FeaturesConfig features, IReadOnlyCollection<string> dropped)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Groups.Count == 0)
        {
            throw RecurException.Invalid("--ablate needs feature groups: declare features.groups in recur.yaml (e.g. groups: {time: [hour, weekday]})", "features.groups");
        }
        return [.. features.Groups.Where(g => !dropped.Contains(g.Key))];
    }

    /// <summary>
    /// For each group, refits the feature chain and the chosen trainer on the same training rows without the group's
    /// columns, scores the same evaluation rows, and measures the full model's gain over it with the seeded paired
    /// bootstrap. Nothing is saved or registered.
    /// </summary>
    /// <param name="config">The project configuration (name, seed, threshold, threads).</param>
    /// <param name="features">The features section the full model was fitted with.</param>
    /// <param name="plan">The full model's plan.</param>
    /// <param name="train">The training split.</param>
    /// <param name="evaluation">The evaluation rows.</param>
    /// <param name="choice">The chosen candidate's trainer and settings.</param>
    /// <param name="metric">The promotion metric.</param>
    /// <param name="full">The full model's output on <paramref name="evaluation"/>.</param>
    /// <param name="groups">The groups to leave out, one at a time.</param>
    /// <param name="embeddings">Where declared embed transforms find their embeddings; null for none.</param>
    public static IReadOnlyList<AblationResult> Run(ProjectConfig config, FeaturesConfig features, FeaturePlan plan, DataTable train, DataTable evaluation,
        TrainerChoice choice, string metric, ModelOutput full, IReadOnlyList<KeyValuePair<string, List<string>>> groups, IEmbeddingSource? embeddings = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(groups);
        var threshold = config.Evaluation.Threshold;
        var lower = MetricDirection.LowerIsBetter(metric);
        var threads = LightGbmTrainer.Threads(config.Training);
        var all = Enumerable.Range(0, evaluation.RowCount).ToArray();
        var fullOn = TaskScoring.MetricOn(plan, full, evaluation, metric, threshold, config.Seed);
        var results = new List<AblationResult>();
        foreach (var (group, columns) in groups)
        {
            var reduced = Without(plan, columns);
            if (reduced.Features.Count == 0) throw RecurException.Invalid($"features.groups.{group}: without it the model has no inputs left", $"features.groups.{group}");
            var fitted = FeatureEngineering.Fit(Without(features, columns), reduced, train, embeddings: embeddings);
            var model = ModelFitter.Fit(config.Name, train, reduced, choice, threads, threshold, config.Seed, fitted.Chain);
            var withoutOn = TaskScoring.MetricOn(reduced, model.Predict(evaluation), evaluation, metric, threshold, config.Seed);
            var (gain, low, high) = PairedBootstrap.Gain(evaluation.RowCount, fullOn, withoutOn, lower, config.Seed, 200, 0.95);
            results.Add(new AblationResult(group, columns, metric, fullOn(all), withoutOn(all), gain, low, high));
        }
        return results;
    }
}
