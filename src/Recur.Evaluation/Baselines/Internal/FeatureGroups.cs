using Recur.Core.Data;

namespace Recur.Evaluation.Baselines.Internal;

/// <summary>
/// How the one-rule baseline splits rows by one feature: quantile bins of a number or the
/// categories of a text. Group −1 means "no group" (missing or unseen), which gets the overall answer.
/// </summary>
internal abstract class FeatureGroups(string feature)
{
    public const int None = -1;

    public string Feature { get; } = feature;

    public abstract int Count { get; }

    public abstract string Description { get; }

    public static FeatureGroups Fit(DataColumn column) => column switch
    {
        NumericColumn numbers => QuantileBins.Fit(numbers),
        TextColumn texts => Categories.Fit(texts),
        _ => throw new ArgumentException($"column '{column.Name}' is a {column.GetType().Name}; the one-rule baseline reads numeric and text columns", nameof(column)),
    };

    /// <summary>The group of every row of <paramref name="column"/>, which must have the type seen when fitting.</summary>
    public abstract int[] Assign(DataColumn column);
}

/// <summary>Up to ten bins cut at the training deciles; a repeated decile merges two bins.</summary>
internal sealed class QuantileBins(string feature, double[] edges) : FeatureGroups(feature)
{
    private const int MaxBins = 10;

    public override int Count => edges.Length + 1;

    public override string Description => $"{Count} quantile bins of '{Feature}'";

    public static QuantileBins Fit(NumericColumn column)
    {
        var present = Array.FindAll(column.Values, v => !double.IsNaN(v));
        Array.Sort(present);
        var edges = present.Length == 0
            ? []
            : Enumerable.Range(1, MaxBins - 1).Select(k => present[k * present.Length / MaxBins]).Distinct().ToArray();
        return new QuantileBins(column.Name, edges);
    }

    public override int[] Assign(DataColumn column)
    {
        if (column is not NumericColumn numbers) throw new ArgumentException($"column '{Feature}' was numeric when the one-rule baseline was fitted but is {column.Spec.Type.ToName()} now", nameof(column));
        var groups = new int[numbers.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            var value = numbers.Values[i];
            if (double.IsNaN(value))
            {
                groups[i] = None;
                continue;
            }
            // The bin is the number of edges at or below the value.
            var at = Array.BinarySearch(edges, value);
            groups[i] = at >= 0 ? at + 1 : ~at;
        }
        return groups;
    }
}

/// <summary>One group per training category, in order of first appearance.</summary>
internal sealed class Categories(string feature, Dictionary<string, int> index) : FeatureGroups(feature)
{
    public override int Count => index.Count;

    public override string Description => $"{Count} categories of '{Feature}'";

    public static Categories Fit(TextColumn column)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in column.Values)
        {
            if (value is not null) index.TryAdd(value, index.Count);
        }
        return new Categories(column.Name, index);
    }

    public override int[] Assign(DataColumn column)
    {
        if (column is not TextColumn texts) throw new ArgumentException($"column '{Feature}' was text when the one-rule baseline was fitted but is {column.Spec.Type.ToName()} now", nameof(column));
        return texts.Values.Select(v => v is not null && index.TryGetValue(v, out var g) ? g : None).ToArray();
    }
}
