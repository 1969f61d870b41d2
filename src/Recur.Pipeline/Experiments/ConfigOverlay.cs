using Recur.Core;
using Recur.Pipeline.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Recur.Pipeline.Experiments;

/// <summary>
/// An overlay YAML file merged over recur.yaml for one variation: mappings are merged key by key, as deep as they go;
/// a list or a scalar in the overlay replaces the base's value whole. Keys that would change what the variations are
/// compared on (the data, the label, the split, the evaluation rows, the metric) are refused, naming the overlay's line.
/// </summary>
public static class ConfigOverlay
{
    /// <summary>The keys an overlay may not set: every variation is measured on the same rows with the same metric.</summary>
    public static IReadOnlyList<string[]> Fixed { get; } =
    [
        ["name"], ["seed"], ["label"], ["task"], ["positive"], ["key"], ["datasets"], ["split"], ["experiments"],
        ["evaluation", "dataset"], ["promotion", "metric"], ["storage"],
    ];

    /// <summary>
    /// The text of <paramref name="overlay"/> merged over <paramref name="baseText"/>. The overlay is read on its own first, so
    /// an unknown key, a value of the wrong kind or a fixed key is an error naming <paramref name="overlayFile"/>, its line and column.
    /// </summary>
    public static string Merge(string baseText, string overlay, string overlayFile)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(overlay);
        ProjectConfigLoader.Bind(overlay, overlayFile);
        var top = Root(overlay, overlayFile);
        if (top is null) return baseText;
        foreach (var path in Fixed)
        {
            if (KeyAt(top, path) is { } mark)
            {
                throw RecurException.Invalid($"{overlayFile}: line {mark.Line}, column {mark.Column}: {string.Join('.', path)} cannot change in a variation: every variation is compared with the control on the same data, split, evaluation rows and metric", overlayFile);
            }
        }
        return Merge(baseText, top);
    }

    /// <summary>The text of a mapping (e.g. a variation's trainer) merged over <paramref name="baseText"/>.</summary>
    public static string Merge(string baseText, YamlMappingNode overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        var root = Root(baseText, "recur.yaml") ?? new YamlMappingNode();
        MergeInto(root, overlay);
        return Save(root);
    }

    private static string Save(YamlMappingNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>
    /// The text with <paramref name="trainer"/> as the only candidate (<c>training.candidates</c>), the flat trainer keys
    /// (<c>training.trainer</c>, <c>iterations</c>, …) removed: a variation's trainer replaces whatever recur.yaml declares.
    /// </summary>
    public static string WithTrainer(string baseText, string trainer, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var root = Root(baseText, "recur.yaml") ?? new YamlMappingNode();
        if (!root.Children.TryGetValue(new YamlScalarNode("training"), out var node) || node is not YamlMappingNode training)
        {
            training = new YamlMappingNode();
            root.Children[new YamlScalarNode("training")] = training;
        }
        foreach (var flat in new[] { "trainer", "iterations", "learning_rate", "leaves", "min_rows_per_leaf" }) training.Children.Remove(new YamlScalarNode(flat));
        var candidate = new YamlMappingNode { { "trainer", trainer } };
        if (parameters.Count > 0)
        {
            var values = new YamlMappingNode();
            foreach (var (k, v) in parameters) values.Add(k, v);
            candidate.Add("params", values);
        }
        training.Children[new YamlScalarNode("candidates")] = new YamlSequenceNode(candidate);
        return Save(root);
    }

    // A key present in both as mappings merges; anything else the overlay says replaces the base.
    private static void MergeInto(YamlMappingNode target, YamlMappingNode overlay)
    {
        foreach (var (key, value) in overlay.Children)
        {
            if (target.Children.TryGetValue(key, out var existing) && existing is YamlMappingNode into && value is YamlMappingNode from) MergeInto(into, from);
            else target.Children[key] = value;
        }
    }

    // Where the last key of the path is written (its key, not its value, so a mapping value points at the key's own line).
    private static Mark? KeyAt(YamlMappingNode root, string[] path)
    {
        var node = root;
        for (var i = 0; i < path.Length; i++)
        {
            var key = node.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == path[i]);
            if (key is null) return null;
            if (i == path.Length - 1) return key.Start;
            if (node.Children[key] is not YamlMappingNode next) return null;
            node = next;
        }
        return null;
    }

    private static YamlMappingNode? Root(string text, string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0) return null;
        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode mapping => mapping,
            YamlScalarNode { Value: null or "" or "~" or "null" } => null,
            var other => throw RecurException.Invalid($"{file}: line {other.Start.Line}, column {other.Start.Column}: the document must be a mapping of recur.yaml keys", file),
        };
    }
}
