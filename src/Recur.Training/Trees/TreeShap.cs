namespace Recur.Training.Trees;

/// <summary>
/// Exact Shapley values of a tree ensemble's raw score (TreeSHAP, path-dependent, after Lundberg, Erion and Lee
/// 2018), written for Recur: each tree is walked once per row, keeping the proportions of feature subsets along the
/// path, with node covers taken from the training row counts LightGBM stores (<see cref="DecisionTree.InternalCount"/>,
/// <see cref="DecisionTree.LeafCount"/>). Local accuracy holds by construction: per output, the contributions plus
/// <see cref="Explanation.Expected"/> equal the raw score (the log-odds of a binary model, a class's score of a
/// multiclass one, the value of a regression).
/// </summary>
public sealed class TreeShap
{
    private readonly TreeEnsemble _ensemble;
    private readonly ShapTree[] _trees;
    private readonly double[] _expected;

    // Room for the deepest tree's nested paths (each level copies its parent's path further along one buffer).
    private readonly int _pathLength;

    /// <summary>Prepares the ensemble's trees (and each output's expected raw score) for explanation.</summary>
    public TreeShap(TreeEnsemble ensemble)
    {
        _ensemble = ensemble ?? throw new ArgumentNullException(nameof(ensemble));
        _trees = [.. ensemble.Trees.Select(t => new ShapTree(t))];
        _expected = new double[ensemble.Outputs];
        for (var t = 0; t < ensemble.Trees.Count; t++) _expected[t % ensemble.Outputs] += Expected(ensemble.Trees[t], 0);
        var depth = ensemble.Trees.Select(t => t.Left.Count == 0 ? 0 : Depth(t, 0)).DefaultIfEmpty(0).Max() + 2;
        if (depth > MaxDepth) throw new ArgumentException($"a tree is {depth - 2} levels deep; TreeSHAP here handles up to {MaxDepth - 2}", nameof(ensemble));
        _pathLength = depth * (depth + 1) / 2 + depth;
    }

    /// <summary>One row's explanation.</summary>
    /// <param name="Contributions">Per output, per feature (matrix column), its contribution to the raw score.</param>
    /// <param name="Expected">Per output, the raw score expected over the training rows (the covers' weighting).</param>
    public sealed record Explanation(double[][] Contributions, double[] Expected);

    /// <summary>Explains one row of feature values (in the ensemble's column order, as the model reads them).</summary>
    public Explanation Explain(ReadOnlySpan<double> features)
    {
        if (features.Length < _ensemble.FeatureCount) throw new ArgumentException($"a row needs {_ensemble.FeatureCount} feature values, got {features.Length}", nameof(features));
        var phi = new double[_ensemble.Outputs][];
        for (var o = 0; o < phi.Length; o++) phi[o] = new double[features.Length];
        var row = features.ToArray();
        var paths = new PathElement[_pathLength];
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            if (tree.Left.Length == 0) continue; // a single leaf: part of the expected value, no contribution
            Recurse(tree, row, phi[t % phi.Length], 0, paths, 0, 0, 1, 1, -1);
        }
        return new Explanation(phi, (double[])_expected.Clone());
    }

    private struct PathElement
    {
        public int Feature;
        public double Zero;
        public double One;
        public double Weight;
    }

    // A tree flattened into plain arrays for the walk, with each child's share of its parent's cover worked out once.
    private sealed class ShapTree
    {
        public ShapTree(DecisionTree tree)
        {
            Routing = new CompiledForest([tree]);
            Left = [.. tree.Left];
            Right = [.. tree.Right];
            Feature = [.. tree.SplitFeature];
            Leaf = [.. tree.LeafValue];
            LeftShare = new double[Left.Length];
            RightShare = new double[Left.Length];
            for (var n = 0; n < Left.Length; n++)
            {
                // The children's covers, as Expected weighs them, so the contributions add up to the score exactly.
                var cover = Cover(tree, Left[n]) + Cover(tree, Right[n]);
                LeftShare[n] = Cover(tree, Left[n]) / cover;
                RightShare[n] = Cover(tree, Right[n]) / cover;
            }
        }

        public CompiledForest Routing { get; }
        public int[] Left { get; }
        public int[] Right { get; }
        public int[] Feature { get; }
        public double[] Leaf { get; }
        public double[] LeftShare { get; }
        public double[] RightShare { get; }
    }

    // node ≥ 0 an internal node, < 0 the leaf ~node. The path of this call lives at paths[start .. start + depth].
    private static void Recurse(ShapTree tree, double[] x, double[] phi, int node, PathElement[] paths,
        int parentStart, int depth, double zero, double one, int feature)
    {
        var start = parentStart + depth;
        Array.Copy(paths, parentStart, paths, start, depth);
        Extend(paths, start, depth, zero, one, feature);
        if (node < 0)
        {
            var value = tree.Leaf[~node];
            for (var i = 1; i <= depth; i++)
            {
                ref readonly var e = ref paths[start + i];
                phi[e.Feature] += UnwoundSum(paths, start, depth, i) * (e.One - e.Zero) * value;
            }
            return;
        }
        var split = tree.Feature[node];
        var hot = tree.Routing.Next(node, x[split]);
        var hotIsLeft = hot == tree.Left[node];
        var cold = hotIsLeft ? tree.Right[node] : tree.Left[node];
        var (hotShare, coldShare) = hotIsLeft ? (tree.LeftShare[node], tree.RightShare[node]) : (tree.RightShare[node], tree.LeftShare[node]);
        double incomingZero = 1, incomingOne = 1;
        var k = 0;
        while (k <= depth && paths[start + k].Feature != split) k++;
        if (k <= depth)
        {
            incomingZero = paths[start + k].Zero;
            incomingOne = paths[start + k].One;
            Unwind(paths, start, depth, k);
            depth--;
        }
        Recurse(tree, x, phi, hot, paths, start, depth + 1, hotShare * incomingZero, incomingOne, split);
        Recurse(tree, x, phi, cold, paths, start, depth + 1, coldShare * incomingZero, 0, split);
    }

    // 1/n for the path lengths a walk meets: the weight updates multiply instead of dividing.
    private static readonly double[] Inverse = [.. Enumerable.Range(0, MaxDepth + 2).Select(n => n == 0 ? 0 : 1.0 / n)];
    private const int MaxDepth = 1024;

    private static void Extend(PathElement[] paths, int s, int depth, double zero, double one, int feature)
    {
        var p = paths.AsSpan(s, depth + 1);
        p[depth] = new PathElement { Feature = feature, Zero = zero, One = one, Weight = depth == 0 ? 1 : 0 };
        var inverse = Inverse[depth + 1];
        for (var i = depth - 1; i >= 0; i--)
        {
            p[i + 1].Weight += one * p[i].Weight * (i + 1) * inverse;
            p[i].Weight = zero * p[i].Weight * (depth - i) * inverse;
        }
    }

    private static void Unwind(PathElement[] paths, int s, int depth, int index)
    {
        var p = paths.AsSpan(s, depth + 1);
        var one = p[index].One;
        var zero = p[index].Zero;
        var next = p[depth].Weight;
        var inverse = Inverse[depth + 1];
        if (one != 0)
        {
            // one is 1 (the row follows the path) whenever it is not 0.
            for (var i = depth - 1; i >= 0; i--)
            {
                var w = p[i].Weight;
                p[i].Weight = next * (depth + 1) * Inverse[i + 1];
                next = w - p[i].Weight * zero * (depth - i) * inverse;
            }
        }
        else
        {
            var scale = (depth + 1) / zero;
            for (var i = depth - 1; i >= 0; i--) p[i].Weight = p[i].Weight * scale * Inverse[depth - i];
        }
        for (var i = index; i < depth; i++)
        {
            p[i].Feature = p[i + 1].Feature;
            p[i].Zero = p[i + 1].Zero;
            p[i].One = p[i + 1].One;
        }
    }

    private static double UnwoundSum(PathElement[] paths, int s, int depth, int index)
    {
        var p = paths.AsSpan(s, depth + 1);
        var one = p[index].One;
        var zero = p[index].Zero;
        var next = p[depth].Weight;
        double total = 0;
        if (one != 0)
        {
            var inverse = Inverse[depth + 1];
            for (var i = depth - 1; i >= 0; i--)
            {
                var w = next * (depth + 1) * Inverse[i + 1];
                total += w;
                next = p[i].Weight - w * zero * (depth - i) * inverse;
            }
        }
        else
        {
            var scale = (depth + 1) / zero;
            for (var i = depth - 1; i >= 0; i--) total += p[i].Weight * scale * Inverse[depth - i];
        }
        return total;
    }

    private static double Cover(DecisionTree tree, int node) => node >= 0 ? tree.InternalCount[node] : tree.LeafCount[~node];

    // The cover-weighted mean leaf value below a node: what the tree predicts when no feature is known.
    private static double Expected(DecisionTree tree, int node)
    {
        if (tree.Left.Count == 0) return tree.LeafValue[0];
        if (node < 0) return tree.LeafValue[~node];
        var (left, right) = (tree.Left[node], tree.Right[node]);
        var cover = Cover(tree, left) + Cover(tree, right);
        return cover == 0 ? 0 : (Cover(tree, left) * Expected(tree, left) + Cover(tree, right) * Expected(tree, right)) / cover;
    }

    private static int Depth(DecisionTree tree, int node) =>
        node < 0 ? 0 : 1 + Math.Max(Depth(tree, tree.Left[node]), Depth(tree, tree.Right[node]));
}
