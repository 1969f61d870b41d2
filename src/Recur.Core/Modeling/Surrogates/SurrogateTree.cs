using System.Globalization;
using Recur.Core.Data;

namespace Recur.Core.Modeling.Surrogates;

/// <summary>
/// The Deployable Canary Model: a shallow decision tree on the raw inputs, fitted to the primary model's outputs on its
/// training rows, kept in the version's model file (manifest) and run beside it. Every answer can be read as one rule:
/// the conditions on the path to its leaf.
/// </summary>
/// <param name="Nodes">The nodes, the root first.</param>
/// <param name="Fidelity">How closely it follows the primary on the evaluation rows.</param>
public sealed record SurrogateTree(IReadOnlyList<SurrogateNode> Nodes, SurrogateFidelity Fidelity)
{
    /// <summary>The number of leaves.</summary>
    public int Leaves => Nodes.Count(n => n.IsLeaf);

    /// <summary>The leaf a row of <paramref name="rows"/> reaches, and the steps taken to reach it.</summary>
    public (SurrogateNode Leaf, IReadOnlyList<SurrogateStep> Path) Walk(DataTable rows, int row)
    {
        var path = new List<SurrogateStep>();
        var node = Nodes[0];
        while (!node.IsLeaf)
        {
            var column = rows[node.Column!];
            var missing = column.IsMissing(row);
            bool left;
            object? value;
            if (node.Category is { } category)
            {
                var text = column.Format(row);
                value = text;
                left = missing ? node.MissingLeft : string.Equals(text, category, StringComparison.Ordinal);
            }
            else
            {
                var number = column is NumericColumn n ? n.Values[row] : double.NaN;
                value = missing ? null : number;
                left = missing || double.IsNaN(number) ? node.MissingLeft : number <= node.Threshold;
            }
            path.Add(new SurrogateStep(node.Column!, Condition(node, left, missing), value));
            node = Nodes[left ? node.Left : node.Right];
        }
        return (node, path);
    }

    /// <summary>The surrogate's outputs for every row, decided like the primary's (binary at <paramref name="threshold"/>).</summary>
    public ModelOutput Predict(DataTable rows, FeaturePlan plan, double threshold)
    {
        var leaves = new IReadOnlyList<double>[rows.RowCount];
        for (var r = 0; r < leaves.Length; r++) leaves[r] = Walk(rows, r).Leaf.Value;
        return Output(leaves, plan, threshold);
    }

    /// <summary>The outputs that leaf values stand for.</summary>
    public static ModelOutput Output(IReadOnlyList<IReadOnlyList<double>> leaves, FeaturePlan plan, double threshold) => plan.Task switch
    {
        ModelTask.Binary => ModelOutput.Binary([.. leaves.Select(v => v[0])], plan, threshold),
        ModelTask.Multiclass => ModelOutput.Multiclass([.. leaves.Select(v => v.ToArray())], plan),
        _ => ModelOutput.Regression([.. leaves.Select(v => v[0])]),
    };

    /// <summary>A path as one readable rule, e.g. <c>age &gt; 37.5 and education-num &gt; 12.5 → 0.71</c>.</summary>
    public static string Rule(IReadOnlyList<SurrogateStep> path, string answer) =>
        (path.Count == 0 ? "always" : string.Join(" and ", path.Select(s => s.Condition))) + " → " + answer;

    /// <summary>Every leaf as a rule, in tree order: the conditions on its path and its answer.</summary>
    public IReadOnlyList<string> Rules(FeaturePlan plan, double threshold)
    {
        var rules = new List<string>();
        void Visit(int index, List<string> conditions)
        {
            var node = Nodes[index];
            if (node.IsLeaf)
            {
                var output = Output([node.Value], plan, threshold);
                rules.Add((conditions.Count == 0 ? "always" : string.Join(" and ", conditions)) + " → " + Answer(plan, output.Labels[0], output.Scores[0]) + $" [{node.Rows} training rows]");
                return;
            }
            Visit(node.Left, [.. conditions, Condition(node, true, false) + (node.MissingLeft ? " (or missing)" : "")]);
            Visit(node.Right, [.. conditions, Condition(node, false, false) + (node.MissingLeft ? "" : " (or missing)")]);
        }
        Visit(0, []);
        return rules;
    }

    /// <summary>An answer in words: the label with the positive class's probability (binary), the label with its probability (multiclass), or the value.</summary>
    public static string Answer(FeaturePlan plan, string label, double score) => plan.Task switch
    {
        ModelTask.Binary => $"{label} (P({plan.Positive}) = {score.ToString("0.00", CultureInfo.InvariantCulture)})",
        ModelTask.Multiclass => $"{label} ({score.ToString("0.00", CultureInfo.InvariantCulture)})",
        _ => score.ToString("G6", CultureInfo.InvariantCulture),
    };

    private static string Condition(SurrogateNode node, bool left, bool missing)
    {
        var name = node.Column!;
        var test = node.Category is { } category
            ? $"{name} {(left ? "=" : "≠")} '{category}'"
            : $"{name} {(left ? "≤" : ">")} {node.Threshold!.Value.ToString("G6", CultureInfo.InvariantCulture)}";
        return missing ? $"{name} is missing" : test;
    }
}
