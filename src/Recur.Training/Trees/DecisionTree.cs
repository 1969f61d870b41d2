using System.Runtime.CompilerServices;

namespace Recur.Training.Trees;

/// <summary>
/// One regression tree of a LightGBM model, as its model text stores it: internal nodes numbered from 0,
/// leaves referred to as <c>~leaf</c> (negative child indices). Each node decides with LightGBM's own rules
/// (<see cref="NextNode"/>): numerical splits send a missing value by the node's missing type and default
/// direction, categorical splits send a category left when it is in the node's bitset. Immutable, so one
/// tree serves any number of threads.
/// </summary>
public sealed class DecisionTree
{
    // decision_type bits (LightGBM tree.h): 1 = categorical, 2 = default left, bits 2-3 = missing type.
    private const int CategoricalMask = 1;
    private const int DefaultLeftMask = 2;
    private const int MissingZero = 1;
    private const int MissingNaN = 2;

    // LightGBM's kZeroThreshold (1e-35f, widened to double).
    internal const double ZeroThreshold = 1e-35f;

    internal DecisionTree(
        int[] splitFeature, double[] threshold, byte[] decisionType, int[] left, int[] right, double[] leafValue,
        int[] leafCount, int[] internalCount, int[] categoryBoundaries, uint[] categoryBits)
    {
        (_split, _threshold, _type, _left, _right, _leafValue) = (splitFeature, threshold, decisionType, left, right, leafValue);
        (_categoryBoundaries, _categoryBits) = (categoryBoundaries, categoryBits);
        SplitFeature = Array.AsReadOnly(splitFeature);
        Threshold = Array.AsReadOnly(threshold);
        DecisionType = Array.AsReadOnly(decisionType);
        Left = Array.AsReadOnly(left);
        Right = Array.AsReadOnly(right);
        LeafValue = Array.AsReadOnly(leafValue);
        LeafCount = Array.AsReadOnly(leafCount);
        InternalCount = Array.AsReadOnly(internalCount);
        CategoryBoundaries = Array.AsReadOnly(categoryBoundaries);
        CategoryBits = Array.AsReadOnly(categoryBits);
    }

    // The hot path reads the arrays; the properties below are read-only views of them.
    private readonly int[] _split;
    private readonly double[] _threshold;
    private readonly byte[] _type;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly double[] _leafValue;
    private readonly int[] _categoryBoundaries;
    private readonly uint[] _categoryBits;

    /// <summary>Per internal node: the feature (matrix column) it splits on.</summary>
    public IReadOnlyList<int> SplitFeature { get; }

    /// <summary>Per internal node: the numeric threshold (go left when value ≤ it), or for a categorical node the index of its bitset.</summary>
    public IReadOnlyList<double> Threshold { get; }

    /// <summary>Per internal node: LightGBM's decision type bits.</summary>
    public IReadOnlyList<byte> DecisionType { get; }

    /// <summary>Per internal node: the left child (≥ 0 a node, &lt; 0 the leaf <c>~child</c>).</summary>
    public IReadOnlyList<int> Left { get; }

    /// <summary>Per internal node: the right child.</summary>
    public IReadOnlyList<int> Right { get; }

    /// <summary>Per leaf: its output (shrinkage already applied).</summary>
    public IReadOnlyList<double> LeafValue { get; }

    /// <summary>Per leaf: how many training rows reached it (TreeSHAP needs these cover counts).</summary>
    public IReadOnlyList<int> LeafCount { get; }

    /// <summary>Per internal node: how many training rows reached it.</summary>
    public IReadOnlyList<int> InternalCount { get; }

    /// <summary>Where each categorical node's bitset starts in <see cref="CategoryBits"/> (one more entry than bitsets).</summary>
    public IReadOnlyList<int> CategoryBoundaries { get; }

    /// <summary>The categorical bitsets, 32 categories per word.</summary>
    public IReadOnlyList<uint> CategoryBits { get; }

    /// <summary>The output of the leaf a row of features reaches.</summary>
    public double Predict(ReadOnlySpan<double> features) => _leafValue[Leaf(features)];

    /// <summary>The index of the leaf a row of features reaches.</summary>
    // Scoring runs in short CLI processes too: compiled optimized at once rather than after tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Leaf(ReadOnlySpan<double> features)
    {
        if (_leafValue.Length <= 1) return 0;
        var node = 0;
        while (node >= 0) node = NextNode(node, features[_split[node]]);
        return ~node;
    }

    /// <summary>The child of an internal node that a value goes to, by LightGBM's rules.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextNode(int node, double value)
    {
        var type = _type[node];
        if ((type & CategoricalMask) != 0) return InCategorySet(node, value) ? _left[node] : _right[node];
        var missing = (type >> 2) & 3;
        if (double.IsNaN(value) && missing != MissingNaN) value = 0;
        if ((missing == MissingZero && value >= -ZeroThreshold && value <= ZeroThreshold) || (missing == MissingNaN && double.IsNaN(value)))
        {
            return (type & DefaultLeftMask) != 0 ? _left[node] : _right[node];
        }
        return value <= _threshold[node] ? _left[node] : _right[node];
    }

    // A missing (NaN) or negative category always goes right; so does one past the end of the bitset.
    private bool InCategorySet(int node, double value)
    {
        if (double.IsNaN(value)) return false;
        var category = (int)value;
        if (category < 0) return false;
        var set = (int)_threshold[node];
        var start = _categoryBoundaries[set];
        var words = _categoryBoundaries[set + 1] - start;
        var word = category / 32;
        return word < words && ((_categoryBits[start + word] >> (category % 32)) & 1) != 0;
    }
}
