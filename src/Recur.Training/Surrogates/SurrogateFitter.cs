using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Modeling.Surrogates;

namespace Recur.Training.Surrogates;

/// <summary>
/// Fits the nodes of a <see cref="SurrogateTree"/>: a regression tree (CART, squared error summed over the outputs) on the
/// raw inputs, grown best-first — the split that lowers the error most anywhere in the tree is taken next — until it has
/// <c>maxLeaves</c> leaves, no split of at most <c>maxDepth</c> conditions gains, or none keeps <c>minLeafRows</c> rows
/// on each side. Numbers split at the midpoint between two neighbouring values, text at one category against the rest;
/// a missing value goes to whichever side fits better. Deterministic: the same rows give the same tree.
/// </summary>
public static class SurrogateFitter
{
    /// <summary>The nodes (root first) of a tree fitted to <paramref name="targets"/> (per row, one value per output).</summary>
    public static IReadOnlyList<SurrogateNode> Fit(DataTable rows, IReadOnlyList<FeatureSpec> inputs, double[][] targets, int maxLeaves, int maxDepth, int minLeafRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != rows.RowCount) throw new ArgumentException($"{targets.Length} targets for {rows.RowCount} rows", nameof(targets));
        if (targets.Length == 0) throw new ArgumentException("no rows to fit a surrogate on", nameof(rows));
        var columns = inputs.Select(f => rows[f.Name]).Where(c => c is NumericColumn or TextColumn).ToList();
        var grower = new Grower(columns, targets, minLeafRows);
        var nodes = new List<Grown>();
        var open = new PriorityQueue<Grown, (double, int)>();
        var root = grower.Node([.. Enumerable.Range(0, targets.Length)], 0);
        nodes.Add(root);
        Offer(root, 0);
        var leaves = 1;
        while (leaves < maxLeaves && open.TryDequeue(out var node, out _))
        {
            var split = node.Split!;
            node.Left = nodes.Count;
            nodes.Add(grower.Node(split.LeftRows, node.Depth + 1));
            node.Right = nodes.Count;
            nodes.Add(grower.Node(split.RightRows, node.Depth + 1));
            leaves++;
            Offer(nodes[node.Left], node.Left);
            Offer(nodes[node.Right], node.Right);
        }
        return [.. nodes.Select(n => n.Left < 0
            ? new SurrogateNode(null, null, null, false, -1, -1, n.Mean, n.Rows.Length)
            : new SurrogateNode(n.Split!.Column, n.Split.Threshold, n.Split.Category, n.Split.MissingLeft, n.Left, n.Right, n.Mean, n.Rows.Length))];

        // The largest gain first; among equal gains, the node made first (so the order never depends on the queue).
        void Offer(Grown node, int index)
        {
            if (node.Depth >= maxDepth) return;
            node.Split = grower.BestSplit(node);
            if (node.Split is { } s) open.Enqueue(node, (-s.Gain, index));
        }
    }

    internal sealed record Split(string Column, double? Threshold, string? Category, bool MissingLeft, double Gain, int[] LeftRows, int[] RightRows);

    internal sealed class Grown(int[] rows, double[] sum, double[] mean, int depth)
    {
        public int[] Rows { get; } = rows;
        public double[] Sum { get; } = sum;
        public double[] Mean { get; } = mean;
        public int Depth { get; } = depth;
        public Split? Split { get; set; }
        public int Left { get; set; } = -1;
        public int Right { get; set; } = -1;
    }
}
