using Recur.Core.Modeling;
using Recur.Features;

namespace Recur.Pipeline.Steps;

/// <summary>
/// Which feature group each of a model's features comes from. A raw input belongs to its group in
/// <c>features.groups</c>, or to <see cref="Ungrouped"/>; a step's outputs derive from the raw inputs its inputs
/// derive from, so an output belongs to the groups of those inputs. An output derived from inputs of several groups
/// (a cross of time and weather columns) belongs to a group named after all of them in order, joined by '+'
/// ("time+weather").
/// </summary>
public static class FeatureGroups
{
    /// <summary>The group of the inputs no declared group names.</summary>
    public const string Ungrouped = "ungrouped";

    /// <summary>Each of the model's features (the chain's outputs, or the raw inputs without a chain) with its group.</summary>
    /// <param name="groups">recur.yaml's <c>features.groups</c>.</param>
    /// <param name="inputs">The model's raw inputs.</param>
    /// <param name="chain">Its fitted chain, or null.</param>
    public static IReadOnlyList<(string Feature, string Group)> Of(IReadOnlyDictionary<string, List<string>> groups, IReadOnlyList<FeatureSpec> inputs, FeatureChain? chain)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(inputs);
        var order = groups.Keys.ToList();
        var groupOf = groups.SelectMany(g => g.Value.Select(c => (Column: c, Group: g.Key))).ToDictionary(p => p.Column, p => p.Group, StringComparer.Ordinal);
        var sources = inputs.ToDictionary(f => f.Name, f => (IReadOnlySet<string>)new HashSet<string>([f.Name]), StringComparer.Ordinal);
        foreach (var step in chain?.Steps ?? [])
        {
            var read = new HashSet<string>(step.Inputs.SelectMany(i => sources.TryGetValue(i, out var s) ? s : new HashSet<string>([i])), StringComparer.Ordinal);
            foreach (var output in step.Outputs()) sources[output.Name] = read;
        }
        string Name(string feature)
        {
            var named = (sources.TryGetValue(feature, out var s) ? s : new HashSet<string>([feature]))
                .Select(c => groupOf.GetValueOrDefault(c, Ungrouped)).Distinct()
                .OrderBy(g => g == Ungrouped ? int.MaxValue : order.IndexOf(g)).ToList();
            return string.Join("+", named);
        }
        var features = chain?.Outputs ?? inputs;
        return [.. features.Select(f => (f.Name, Name(f.Name)))];
    }
}
