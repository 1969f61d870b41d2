using System.Globalization;

namespace Recur.Training.Trees;

/// <summary>
/// Reads the parts of LightGBM's text model format (version v4) that prediction needs: the header's
/// <c>num_tree_per_iteration</c>, <c>max_feature_idx</c> and <c>objective</c>, then each <c>Tree=</c> block's
/// node arrays, up to <c>end of trees</c>. Anything it cannot predict with exactly (linear trees, an
/// objective with another output transform) is refused with a message naming it.
/// </summary>
internal static class LightGbmModelText
{
    public static TreeEnsemble Parse(string text)
    {
        var lines = text.Split('\n');
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        for (; index < lines.Length && !lines[index].StartsWith("Tree=", StringComparison.Ordinal); index++) AddPair(header, lines[index]);
        if (!header.TryGetValue("version", out var version) || version != "v4") throw Invalid($"expected a LightGBM v4 model, found version '{version ?? "none"}'");
        var outputs = Int(header, "num_tree_per_iteration");
        var features = Int(header, "max_feature_idx") + 1;
        var (transform, sigmoid) = Objective(Get(header, "objective"), outputs);

        var trees = new List<DecisionTree>();
        while (index < lines.Length && lines[index].StartsWith("Tree=", StringComparison.Ordinal))
        {
            var block = new Dictionary<string, string>(StringComparer.Ordinal);
            var name = lines[index].Trim();
            for (index++; index < lines.Length && lines[index].Trim().Length > 0; index++) AddPair(block, lines[index]);
            while (index < lines.Length && lines[index].Trim().Length == 0) index++;
            trees.Add(Tree(block, name, features));
        }
        if (index >= lines.Length || lines[index].Trim() != "end of trees") throw Invalid("the model text does not end its trees with 'end of trees'");
        if (trees.Count == 0 || trees.Count % outputs != 0) throw Invalid($"{trees.Count} trees do not make whole iterations of {outputs}");
        return new TreeEnsemble([.. trees], outputs, features, transform, sigmoid);
    }

    private static (OutputTransform, double) Objective(string objective, int outputs)
    {
        var parts = objective.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = parts.Skip(1).Select(p => p.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        switch (parts[0])
        {
            case "binary":
                return (OutputTransform.Sigmoid, options.TryGetValue("sigmoid", out var s) ? Number(s, "sigmoid") : 1.0);
            case "multiclass":
                return (OutputTransform.Softmax, 1.0);
            case "regression" or "regression_l1" or "huber" or "fair" or "quantile" when outputs == 1:
                return (OutputTransform.Identity, 1.0);
            default:
                throw Invalid($"objective '{objective}' is not supported by the managed evaluator");
        }
    }

    private static DecisionTree Tree(Dictionary<string, string> block, string name, int features)
    {
        var leaves = Int(block, "num_leaves");
        if (block.TryGetValue("is_linear", out var linear) && linear != "0") throw Invalid($"{name} is a linear tree, which the managed evaluator does not support");
        var nodes = leaves - 1;
        var splitFeature = Ints(block, "split_feature", nodes, name);
        if (splitFeature.Any(f => f < 0 || f >= features)) throw Invalid($"{name} splits on a feature outside 0..{features - 1}");
        var categories = Int(block, "num_cat");
        return new DecisionTree(
            splitFeature,
            Doubles(block, "threshold", nodes, name),
            [.. Ints(block, "decision_type", nodes, name).Select(t => (byte)t)],
            Ints(block, "left_child", nodes, name),
            Ints(block, "right_child", nodes, name),
            Doubles(block, "leaf_value", leaves, name),
            block.ContainsKey("leaf_count") ? Ints(block, "leaf_count", leaves, name) : new int[leaves],
            block.ContainsKey("internal_count") ? Ints(block, "internal_count", nodes, name) : new int[nodes],
            categories > 0 ? Ints(block, "cat_boundaries", categories + 1, name) : [0],
            categories > 0 ? Values(block, "cat_threshold", name).Select(v => uint.Parse(v, CultureInfo.InvariantCulture)).ToArray() : []);
    }

    private static void AddPair(Dictionary<string, string> into, string line)
    {
        var equals = line.IndexOf('=');
        if (equals > 0) into[line[..equals].Trim()] = line[(equals + 1)..].Trim();
    }

    private static string Get(Dictionary<string, string> block, string key) =>
        block.TryGetValue(key, out var value) ? value : throw Invalid($"the model text has no '{key}'");

    private static int Int(Dictionary<string, string> block, string key) => (int)Number(Get(block, key), key);

    private static double Number(string text, string key) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid($"'{key}' is not a number: '{text}'");

    private static string[] Values(Dictionary<string, string> block, string key, string tree) =>
        block.TryGetValue(key, out var text) ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries) : throw Invalid($"{tree} has no '{key}'");

    private static int[] Ints(Dictionary<string, string> block, string key, int count, string tree) =>
        Counted(Values(block, key, tree), key, count, tree).Select(v => (int)Number(v, key)).ToArray();

    private static double[] Doubles(Dictionary<string, string> block, string key, int count, string tree) =>
        Counted(Values(block, key, tree), key, count, tree).Select(v => Number(v, key)).ToArray();

    private static string[] Counted(string[] values, string key, int count, string tree) =>
        values.Length == count ? values : throw Invalid($"{tree}: '{key}' holds {values.Length} values, expected {count}");

    private static FormatException Invalid(string message) => new("LightGBM model text: " + message);
}
