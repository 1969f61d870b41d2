using System.Runtime.CompilerServices;

namespace Recur.Training.Trees;

/// <summary>
/// Every tree of an ensemble flattened into one array of 32-byte nodes, for scoring: a node visit reads one
/// struct instead of five arrays, and the common split (numeric, missing type none or NaN) is one compare,
/// its NaN direction worked out in advance. The rules are LightGBM's (tree.h), checked against its own predictions in the tests.
/// </summary>
internal sealed class CompiledForest
{
    private const byte Numeric = 0;
    private const byte NumericZeroMissing = 1;
    private const byte Categorical = 2;

    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly int[] _roots;
    private readonly uint[] _bits;

    public CompiledForest(IReadOnlyList<DecisionTree> trees)
    {
        var nodes = new List<Node>();
        var leaves = new List<double>();
        var bits = new List<uint>();
        _roots = new int[trees.Count];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var (nodeOffset, leafOffset, bitOffset) = (nodes.Count, leaves.Count, bits.Count);
            int Global(int child) => child >= 0 ? nodeOffset + child : ~(leafOffset + ~child);
            _roots[t] = tree.Left.Count == 0 ? ~leafOffset : nodeOffset;
            for (var n = 0; n < tree.Left.Count; n++)
            {
                var type = tree.DecisionType[n];
                var (left, right) = (Global(tree.Left[n]), Global(tree.Right[n]));
                var defaultChild = (type & DecisionTree.DefaultLeftMask) != 0 ? left : right;
                var missing = (type >> 2) & 3;
                var node = new Node { Feature = tree.SplitFeature[n], Threshold = tree.Threshold[n], Left = left, Right = right };
                if ((type & DecisionTree.CategoricalMask) != 0)
                {
                    var set = (int)tree.Threshold[n];
                    node.Kind = Categorical;
                    node.BitStart = bitOffset + tree.CategoryBoundaries[set];
                    node.BitWords = (short)(tree.CategoryBoundaries[set + 1] - tree.CategoryBoundaries[set]);
                }
                else if (missing == DecisionTree.MissingZero)
                {
                    node.Kind = NumericZeroMissing;
                    node.NanChild = defaultChild;
                }
                else
                {
                    // Missing type NaN: NaN goes the default way. Missing type none: NaN is read as 0.
                    node.Kind = Numeric;
                    node.NanChild = missing == DecisionTree.MissingNaN ? defaultChild : (0 <= tree.Threshold[n] ? left : right);
                }
                nodes.Add(node);
            }
            leaves.AddRange(tree.LeafValue);
            bits.AddRange(tree.CategoryBits);
        }
        (_nodes, _leaves, _bits) = ([.. nodes], [.. leaves], [.. bits]);
    }

    /// <summary>Adds every tree's leaf value to <paramref name="raw"/>[tree mod outputs].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTo(ReadOnlySpan<double> features, Span<double> raw, int outputs)
    {
        var nodes = _nodes;
        for (var t = 0; t < _roots.Length; t++)
        {
            var at = _roots[t];
            while (at >= 0)
            {
                ref readonly var node = ref nodes[at];
                var x = features[node.Feature];
                at = node.Kind == Numeric
                    ? (double.IsNaN(x) ? node.NanChild : x <= node.Threshold ? node.Left : node.Right)
                    : Unusual(in node, x);
            }
            raw[t % outputs] += _leaves[~at];
        }
    }

    /// <summary>
    /// The child a value takes at one node (≥ 0 a node, &lt; 0 the leaf <c>~child</c>), by the same rules as
    /// <see cref="AddTo"/>; indices are the forest's (for a forest of one tree, the tree's own).
    /// </summary>
    public int Next(int node, double x)
    {
        ref readonly var n = ref _nodes[node];
        return n.Kind == Numeric ? (double.IsNaN(x) ? n.NanChild : x <= n.Threshold ? n.Left : n.Right) : Unusual(in n, x);
    }

    private int Unusual(in Node node, double x)
    {
        if (node.Kind == NumericZeroMissing)
        {
            if (double.IsNaN(x) || (x >= -DecisionTree.ZeroThreshold && x <= DecisionTree.ZeroThreshold)) return node.NanChild;
            return x <= node.Threshold ? node.Left : node.Right;
        }
        if (double.IsNaN(x)) return node.Right;
        var category = (int)x;
        if (category < 0) return node.Right;
        var word = category / 32;
        return word < node.BitWords && ((_bits[node.BitStart + word] >> (category % 32)) & 1) != 0 ? node.Left : node.Right;
    }

    private struct Node
    {
        public double Threshold;
        public int Feature;
        public int Left;
        public int Right;
        public int NanChild;
        public int BitStart;
        public short BitWords;
        public byte Kind;
    }
}
