namespace Recur.Training.Trees;

/// <summary>
/// One regression tree of a LightGBM model, as its model text stores it: internal nodes numbered from 0,
/// leaves referred to as <c>~leaf</c> (negative child indices). Numerical splits send a missing value by the
/// node's missing type and default direction, categorical splits send a category left when it is in the node's
/// bitset; <see cref="CompiledForest"/> applies those rules when scoring. Immutable.
/// </summary>
public sealed class DecisionTree
{
    // decision_type bits (LightGBM tree.h): 1 = categorical, 2 = default left, bits 2-3 = missing type.
    internal const int CategoricalMask = 1;
    internal const int DefaultLeftMask = 2;
    internal const int MissingZero = 1;
    internal const int MissingNaN = 2;

    // LightGBM's kZeroThreshold (1e-35f, widened to double).
    internal const double ZeroThreshold = 1e-35f;

    internal DecisionTree(
        int[] splitFeature, double[] threshold, byte[] decisionType, int[] left, int[] right, double[] leafValue,
        int[] leafCount, int[] internalCount, int[] categoryBoundaries, uint[] categoryBits)
    {
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
}
