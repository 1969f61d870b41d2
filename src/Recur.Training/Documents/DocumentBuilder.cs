using System.Globalization;
using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Registry;
using Recur.Features.Transforms;
using Recur.Training.Internal;
using Recur.Training.Trees;

namespace Recur.Training.Documents;

/// <summary>Builds a <see cref="ModelDocument"/> from a version and its model file.</summary>
internal static class DocumentBuilder
{
    public static ModelDocument Build(ModelVersion version, TrainedModel model)
    {
        var manifest = model.Manifest;
        var plan = manifest.Plan;
        var learned = model.LearnedFeatures;
        JsonElement? transforms = model.Chain is { } chain ? JsonDocument.Parse(chain.ToJson(TransformCatalog.Standard)).RootElement.Clone() : null;
        var lineage = version.Lineage;
        return new ModelDocument(
            ModelDocument.CurrentFormat, version.Model, version.Version, version.ArtifactSha256, version.CreatedAt,
            plan.Task.ToString().ToLowerInvariant(), plan.Label, plan.ClassNames, manifest.Threshold,
            [.. plan.Features.Select(f => new DocumentInput(f.Name, f.Type.ToString().ToLowerInvariant(), f.Nullable, f.Categories))],
            transforms, [.. learned.Select(f => f.Name)],
            new DocumentTrainer(manifest.Trainer, new SortedDictionary<string, string>(version.Lineage.Parameters.ToDictionary(), StringComparer.Ordinal), manifest.TrainingRows, manifest.Seed),
            new SortedDictionary<string, double>(version.Metrics.ToDictionary(), StringComparer.Ordinal),
            new DocumentLineage(lineage.Snapshots, lineage.ConfigHash, lineage.CodeVersion, lineage.ReferenceProfile, lineage.Environment),
            Structure(model, learned, plan));
    }

    private static DocumentStructure Structure(TrainedModel model, IReadOnlyList<FeatureSpec> learned, FeaturePlan plan)
    {
        if (model.Trees is { } ensemble) return Trees(ensemble, learned);
        if (model.Body is not MlNetModelBody body) return Opaque;
        MlNetLearner learner;
        try
        {
            learner = MlNetLearner.Read(body.Transformer);
        }
        catch (NotSupportedException)
        {
            return Opaque;
        }
        var slots = body.Facts?.Slots;
        if (learner.Linear is { } linear)
        {
            var outputs = linear.Count == 1 ? ["score"] : plan.ClassNames;
            return new DocumentStructure("linear", null, null, null, null, null,
                [.. linear.Select((o, k) => new DocumentLinear(outputs[k], o.Bias, Weights(o.Weights, slots, learned)))]);
        }
        var trees = learner.Trees!;
        var splits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var leaves = 0;
        foreach (var tree in trees.SelectMany(o => o.Trees))
        {
            leaves += tree.NumberOfLeaves;
            foreach (var slot in tree.NumericalSplitFeatureIndexes.Take(tree.NumberOfNodes)) Count(splits, SlotName(slot, slots, learned));
        }
        return new DocumentStructure("trees", trees.Sum(o => o.Trees.Count), leaves, "identity", splits, null, null);
    }

    private static readonly DocumentStructure Opaque = new("opaque", null, null, null, null, null, null);

    private static DocumentStructure Trees(TreeEnsemble ensemble, IReadOnlyList<FeatureSpec> learned)
    {
        var splits = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var tree in ensemble.Trees) foreach (var f in tree.SplitFeature) Count(splits, Name(f, learned));
        return new DocumentStructure("trees", ensemble.Trees.Count, ensemble.Trees.Sum(t => t.LeafValue.Count), ensemble.Transform.ToString().ToLowerInvariant(),
            splits, [.. ensemble.Trees.Select(t => Node(t, 0, learned))], null);
    }

    private static void Count(SortedDictionary<string, int> counts, string name) => counts[name] = counts.GetValueOrDefault(name) + 1;

    private static string Name(int feature, IReadOnlyList<FeatureSpec> learned) => feature < learned.Count ? learned[feature].Name : $"#{feature}";

    // A tree of one leaf has no internal nodes; its leaf is ~0.
    private static DocumentNode Node(DecisionTree tree, int node, IReadOnlyList<FeatureSpec> learned)
    {
        if (tree.SplitFeature.Count == 0) return Leaf(tree, 0);
        var feature = tree.SplitFeature[node];
        var type = tree.DecisionType[node];
        var categorical = (type & DecisionTree.CategoricalMask) != 0;
        var missing = (type >> 2) & 3;
        var missingGoes = categorical || missing == 0 ? null : (type & DecisionTree.DefaultLeftMask) != 0 ? "left" : "right";
        return new DocumentNode(
            Name(feature, learned),
            categorical ? null : tree.Threshold[node],
            categorical ? CategoriesLeft(tree, node, feature < learned.Count ? learned[feature] : null) : null,
            missingGoes,
            tree.InternalCount[node],
            Child(tree, tree.Left[node], learned),
            Child(tree, tree.Right[node], learned),
            null);
    }

    private static DocumentNode Child(DecisionTree tree, int child, IReadOnlyList<FeatureSpec> learned) => child >= 0 ? Node(tree, child, learned) : Leaf(tree, ~child);

    private static DocumentNode Leaf(DecisionTree tree, int leaf) => new(null, null, null, null, tree.LeafCount.Count > leaf ? tree.LeafCount[leaf] : 0, null, null, tree.LeafValue[leaf]);

    // The categories whose code's bit is set in the node's bitset go left.
    private static IReadOnlyList<string> CategoriesLeft(DecisionTree tree, int node, FeatureSpec? feature)
    {
        var set = (int)tree.Threshold[node];
        var result = new List<string>();
        for (var word = tree.CategoryBoundaries[set]; word < tree.CategoryBoundaries[set + 1]; word++)
        {
            for (var bit = 0; bit < 32; bit++)
            {
                if ((tree.CategoryBits[word] & (1u << bit)) == 0) continue;
                var code = (word - tree.CategoryBoundaries[set]) * 32 + bit;
                result.Add(feature?.Categories is { } names && code < names.Count ? names[code] : code.ToString(CultureInfo.InvariantCulture));
            }
        }
        return result;
    }

    private static SortedDictionary<string, double> Weights(float[] weights, int[]? slots, IReadOnlyList<FeatureSpec> learned)
    {
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var seen = new Dictionary<int, int>();
        var width = slots is null ? null : slots.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        for (var s = 0; s < weights.Length; s++)
        {
            if (slots is null || s >= slots.Length) { result[$"#{s}"] = weights[s]; continue; }
            var feature = slots[s];
            var index = seen.GetValueOrDefault(feature);
            seen[feature] = index + 1;
            var name = Name(feature, learned);
            result[width![feature] > 1 ? $"{name}[{index}]" : name] = weights[s];
        }
        return result;
    }

    private static string SlotName(int slot, int[]? slots, IReadOnlyList<FeatureSpec> learned) =>
        slots is not null && slot < slots.Length ? Name(slots[slot], learned) : $"#{slot}";
}
