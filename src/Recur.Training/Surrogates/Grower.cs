using Recur.Core.Data;

namespace Recur.Training.Surrogates;

/// <summary>The split search of <see cref="SurrogateFitter"/>: for a node, the split that lowers the summed squared error most.</summary>
internal sealed class Grower(IReadOnlyList<DataColumn> columns, double[][] targets, int minLeafRows)
{
    private readonly int _outputs = targets[0].Length;

    public SurrogateFitter.Grown Node(int[] rows, int depth)
    {
        var sum = Sum(rows);
        return new SurrogateFitter.Grown(rows, sum, [.. sum.Select(s => s / rows.Length)], depth);
    }

    public SurrogateFitter.Split? BestSplit(SurrogateFitter.Grown node)
    {
        if (node.Rows.Length < 2 * minLeafRows) return null;
        var parent = Score(node.Sum, node.Rows.Length);
        SurrogateFitter.Split? best = null;
        foreach (var column in columns)
        {
            var candidate = column is NumericColumn numbers ? Numeric(numbers, node, parent) : Categorical((TextColumn)column, node, parent);
            if (candidate is not null && (best is null || candidate.Gain > best.Gain)) best = candidate;
        }
        return best is { Gain: > 1e-12 } ? best : null;
    }

    // Σ over outputs of sum²/n: the part of the squared error a split changes (larger is better).
    private static double Score(double[] sum, int n)
    {
        if (n == 0) return 0;
        var total = 0.0;
        foreach (var s in sum) total += s * s / n;
        return total;
    }

    private SurrogateFitter.Split? Numeric(NumericColumn column, SurrogateFitter.Grown node, double parent)
    {
        var values = column.Values;
        var present = node.Rows.Where(r => !double.IsNaN(values[r])).OrderBy(r => values[r]).ThenBy(r => r).ToArray();
        var missing = node.Rows.Where(r => double.IsNaN(values[r])).ToArray();
        var missingSum = Sum(missing);
        var left = new double[_outputs];
        (double Gain, int At, bool MissingLeft) best = (0, -1, false);
        for (var i = 0; i < present.Length - 1; i++)
        {
            Add(left, present[i]);
            if (values[present[i]] == values[present[i + 1]]) continue;
            foreach (var missingLeft in new[] { false, true })
            {
                var leftRows = i + 1 + (missingLeft ? missing.Length : 0);
                var rightRows = node.Rows.Length - leftRows;
                if (leftRows < minLeafRows || rightRows < minLeafRows) continue;
                var l = missingLeft ? Plus(left, missingSum) : left;
                var gain = Score(l, leftRows) + Score(Minus(node.Sum, l), rightRows) - parent;
                if (gain > best.Gain) best = (gain, i, missingLeft);
            }
        }
        if (best.At < 0) return null;
        var threshold = (values[present[best.At]] + values[present[best.At + 1]]) / 2;
        var goesLeft = present.Take(best.At + 1).Concat(best.MissingLeft ? missing : []).ToHashSet();
        return new(column.Name, threshold, null, best.MissingLeft, best.Gain, [.. node.Rows.Where(goesLeft.Contains)], [.. node.Rows.Where(r => !goesLeft.Contains(r))]);
    }

    private SurrogateFitter.Split? Categorical(TextColumn column, SurrogateFitter.Grown node, double parent)
    {
        var values = column.Values;
        var groups = new SortedDictionary<string, (double[] Sum, int Count)>(StringComparer.Ordinal);
        var missingSum = new double[_outputs];
        var missingCount = 0;
        foreach (var r in node.Rows)
        {
            if (values[r] is not { } value)
            {
                Add(missingSum, r);
                missingCount++;
                continue;
            }
            if (!groups.TryGetValue(value, out var g)) g = (new double[_outputs], 0);
            Add(g.Sum, r);
            groups[value] = (g.Sum, g.Count + 1);
        }
        (double Gain, string? Category, bool MissingLeft) best = (0, null, false);
        foreach (var (category, group) in groups)
        {
            foreach (var missingLeft in new[] { false, true })
            {
                var leftRows = group.Count + (missingLeft ? missingCount : 0);
                var rightRows = node.Rows.Length - leftRows;
                if (leftRows < minLeafRows || rightRows < minLeafRows) continue;
                var l = missingLeft ? Plus(group.Sum, missingSum) : group.Sum;
                var gain = Score(l, leftRows) + Score(Minus(node.Sum, l), rightRows) - parent;
                if (gain > best.Gain) best = (gain, category, missingLeft);
            }
        }
        if (best.Category is null) return null;
        bool Left(int r) => values[r] is { } v ? v == best.Category : best.MissingLeft;
        return new(column.Name, null, best.Category, best.MissingLeft, best.Gain, [.. node.Rows.Where(Left)], [.. node.Rows.Where(r => !Left(r))]);
    }

    private double[] Sum(int[] rows)
    {
        var sum = new double[_outputs];
        foreach (var r in rows) Add(sum, r);
        return sum;
    }

    private void Add(double[] sum, int row)
    {
        var t = targets[row];
        for (var k = 0; k < sum.Length; k++) sum[k] += t[k];
    }

    private static double[] Plus(double[] a, double[] b) => [.. a.Select((v, k) => v + b[k])];

    private static double[] Minus(double[] a, double[] b) => [.. a.Select((v, k) => v - b[k])];
}
