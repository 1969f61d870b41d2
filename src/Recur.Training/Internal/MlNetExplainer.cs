using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Trees;

namespace Recur.Training.Internal;

/// <summary>
/// Exact explanations of an ML.NET model's raw score, in the slots of the learner's feature vector, summed back to the
/// learned features. Linear learners: slot j contributes w_j·(x_j − E[x_j]) and the expected value is
/// b + Σ w_j·E[x_j], with x the scaled vector the learner reads and E over the training rows. Tree learners: TreeSHAP over
/// the trees converted to <see cref="DecisionTree"/>s, with the covers counted from the training rows when fitted.
/// </summary>
internal sealed class MlNetExplainer
{
    // ML.NET sends a NaN to the "greater than" child: a numeric split with missing type NaN, default right.
    private const byte NanGoesRight = DecisionTree.MissingNaN << 2;

    private readonly MlNetLearner _learner;
    private readonly ExplainFacts _facts;
    private readonly FeaturePlan _plan;
    private readonly (TreeEnsemble Trees, TreeShap Shap, double Bias)[]? _trees;

    public MlNetExplainer(ITransformer model, FeaturePlan plan, ExplainFacts facts)
    {
        _learner = MlNetLearner.Read(model);
        _facts = facts;
        _plan = plan;
        if (_learner.Trees is { } outputs)
        {
            if (facts.Covers is null || facts.Covers.Length != outputs.Count) throw new FormatException($"{ExplainFacts.Entry} holds no covers for the model's {outputs.Count} tree output(s)");
            _trees = [.. outputs.Select((o, k) =>
            {
                var ensemble = Convert(o, facts.Covers[k], facts.Slots.Length);
                return (ensemble, new TreeShap(ensemble), o.Bias);
            })];
        }
        else if (facts.Means is null || facts.Means.Length != facts.Slots.Length)
        {
            throw new FormatException($"{ExplainFacts.Entry} holds no training means for the linear model");
        }
    }

    /// <summary>
    /// Learns the facts from the training rows: the slot map, and the means (linear) or covers (trees).
    /// <paramref name="order"/> names the columns concatenated into the feature vector, in order ("onehot:NAME" for a
    /// one-hot encoded text feature).
    /// </summary>
    public static ExplainFacts Learn(ITransformer model, IDataView training, FeaturePlan plan, IReadOnlyList<string> order)
    {
        var learner = MlNetLearner.Read(model);
        var transformed = learner.Features.Transform(training);
        var slots = SlotMap(transformed.Schema, plan, order);
        if (learner.Linear is not null)
        {
            var sums = new double[slots.Length];
            long rows = 0;
            ForEachRow(transformed, slots.Length, x =>
            {
                rows++;
                for (var s = 0; s < sums.Length; s++) sums[s] += x[s];
            });
            return new ExplainFacts { Slots = slots, Means = [.. sums.Select(v => rows == 0 ? 0 : v / rows)] };
        }
        var outputs = learner.Trees!;
        var covers = outputs.Select(o => o.Trees.Select(t => new int[t.NumberOfNodes + t.NumberOfLeaves]).ToArray()).ToArray();
        ForEachRow(transformed, slots.Length, x =>
        {
            for (var k = 0; k < outputs.Count; k++)
            {
                for (var t = 0; t < outputs[k].Trees.Count; t++)
                {
                    var tree = outputs[k].Trees[t];
                    var counts = covers[k][t];
                    var node = tree.NumberOfNodes == 0 ? ~0 : 0;
                    while (node >= 0)
                    {
                        counts[node]++;
                        node = x[tree.NumericalSplitFeatureIndexes[node]] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node];
                    }
                    counts[tree.NumberOfNodes + ~node]++;
                }
            }
        });
        return new ExplainFacts { Slots = slots, Covers = covers };
    }

    /// <summary>Per row, the contributions per learned feature and the expected value, per output.</summary>
    public Attribution[] Explain(DataTable learned)
    {
        var result = new List<Attribution>(learned.RowCount);
        var width = _plan.Features.Count;
        ForEachRow(Slots(learned), _facts.Slots.Length, x =>
        {
            var outputs = _trees?.Length ?? _learner.Linear!.Count;
            var phi = new double[outputs][];
            var expected = new double[outputs];
            for (var k = 0; k < outputs; k++)
            {
                phi[k] = new double[width];
                if (_trees is not null)
                {
                    var (_, shap, bias) = _trees[k];
                    var explained = shap.Explain(x);
                    expected[k] = explained.Expected[0] + bias;
                    for (var s = 0; s < x.Length; s++) phi[k][_facts.Slots[s]] += explained.Contributions[0][s];
                }
                else
                {
                    var linear = _learner.Linear![k];
                    expected[k] = linear.Bias;
                    for (var s = 0; s < x.Length; s++)
                    {
                        expected[k] += linear.Weights[s] * _facts.Means![s];
                        phi[k][_facts.Slots[s]] += linear.Weights[s] * (x[s] - _facts.Means[s]);
                    }
                }
            }
            result.Add(new Attribution(phi, expected));
        });
        return [.. result];
    }

    /// <summary>Per row, per output, the raw score computed from the learner's parameters.</summary>
    public double[][] RawScores(DataTable learned)
    {
        var result = new List<double[]>(learned.RowCount);
        ForEachRow(Slots(learned), _facts.Slots.Length, x =>
        {
            if (_trees is not null)
            {
                result.Add([.. _trees.Select(t =>
                {
                    Span<double> raw = stackalloc double[1];
                    t.Trees.PredictRaw(x, raw);
                    return raw[0] + t.Bias;
                })]);
                return;
            }
            result.Add([.. _learner.Linear!.Select(l =>
            {
                var score = l.Bias;
                for (var s = 0; s < x.Length; s++) score += l.Weights[s] * x[s];
                return score;
            })]);
        });
        return [.. result];
    }

    private IDataView Slots(DataTable learned) => _learner.Features.Transform(new TableDataView(learned, _plan.Features, labels: null));

    private static void ForEachRow(IDataView view, int width, Action<double[]> row)
    {
        var column = view.Schema[ModelFitter.Features];
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        var x = new double[width];
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            if (buffer.Length != width) throw new FormatException($"the feature vector has {buffer.Length} slots; the explanation facts know {width}");
            var i = 0;
            foreach (var v in buffer.DenseValues()) x[i++] = v;
            row(x);
        }
    }

    private static int[] SlotMap(DataViewSchema schema, FeaturePlan plan, IReadOnlyList<string> order)
    {
        var index = plan.Features.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var slots = new List<int>();
        foreach (var name in order)
        {
            var feature = index[name.StartsWith("onehot:", StringComparison.Ordinal) ? name["onehot:".Length..] : name];
            var size = schema[name].Type is VectorDataViewType vector ? vector.Size : 1;
            slots.AddRange(Enumerable.Repeat(feature, size));
        }
        var width = schema[ModelFitter.Features].Type is VectorDataViewType all ? all.Size : 1;
        if (slots.Count != width) throw new InvalidOperationException($"the feature vector has {width} slots; its parts add up to {slots.Count}");
        return [.. slots];
    }

    private static TreeEnsemble Convert(MlNetLearner.TreeOutput output, int[][] covers, int width)
    {
        if (covers.Length != output.Trees.Count) throw new FormatException($"{ExplainFacts.Entry} holds covers for {covers.Length} trees; the model has {output.Trees.Count}");
        var trees = new DecisionTree[output.Trees.Count];
        for (var t = 0; t < trees.Length; t++)
        {
            var tree = output.Trees[t];
            if (tree.CategoricalSplitFlags.Any(c => c)) throw new NotSupportedException("trees with categorical splits cannot be explained");
            var nodes = tree.NumberOfNodes;
            var scale = output.Scale * output.Weights[t];
            trees[t] = new DecisionTree(
                [.. tree.NumericalSplitFeatureIndexes.Take(nodes)], [.. tree.NumericalSplitThresholds.Take(nodes).Select(v => (double)v)],
                [.. Enumerable.Repeat(NanGoesRight, nodes)], [.. tree.LeftChild.Take(nodes)], [.. tree.RightChild.Take(nodes)],
                [.. tree.LeafValues.Select(v => v * scale)], covers[t][nodes..], covers[t][..nodes], [0], []);
        }
        return new TreeEnsemble(trees, outputs: 1, featureCount: width, OutputTransform.Identity, sigmoid: 1);
    }
}
