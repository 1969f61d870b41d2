namespace Recur.Monitoring.Incremental.Internal;

/// <summary>
/// One feature's values in one window, in a form that merges exactly (sums of counts, min and max): a numeric
/// feature as counts between the edges of the reference's quantile grid, a text feature as counts per reference
/// value with every unseen value pooled. Missing values are counted apart.
/// </summary>
internal sealed class FeatureSketch
{
    /// <summary>Missing values.</summary>
    public long Missing { get; set; }

    /// <summary>Numeric: counts per bin; bin k holds edge[k−1] &lt; v ≤ edge[k], the last bin v &gt; the last edge.</summary>
    public long[]? Bins { get; set; }

    /// <summary>Numeric: the smallest value seen; null before one.</summary>
    public double? Min { get; set; }

    /// <summary>Numeric: the largest value seen.</summary>
    public double? Max { get; set; }

    /// <summary>Text: counts per reference value, in ordinal order so the state serialises the same way every time.</summary>
    public SortedDictionary<string, long>? Categories { get; set; }

    /// <summary>Text: values the reference did not keep, pooled.</summary>
    public long Unseen { get; set; }

    /// <summary>Values present (not missing).</summary>
    public long Present => Bins is { } bins ? bins.Sum() : (Categories?.Values.Sum() ?? 0) + Unseen;

    public static FeatureSketch Numeric(int edges) => new() { Bins = new long[edges + 1] };

    public static FeatureSketch Text() => new() { Categories = new(StringComparer.Ordinal) };

    public void AddNumber(double value, double[] edges)
    {
        if (double.IsNaN(value))
        {
            Missing++;
            return;
        }
        var index = Array.BinarySearch(edges, value);
        // An exact hit belongs to the bin the edge closes; otherwise the first edge above the value closes it.
        var bin = index >= 0 ? FirstOf(edges, index) : ~index;
        Bins![bin]++;
        Min = Min is { } min ? Math.Min(min, value) : value;
        Max = Max is { } max ? Math.Max(max, value) : value;
    }

    public void AddText(string? value, ISet<string> known)
    {
        if (value is null) Missing++;
        else if (known.Contains(value)) Categories![value] = Categories.GetValueOrDefault(value) + 1;
        else Unseen++;
    }

    public void Merge(FeatureSketch other)
    {
        Missing += other.Missing;
        Unseen += other.Unseen;
        if (Bins is { } bins && other.Bins is { } more)
        {
            for (var i = 0; i < bins.Length; i++) bins[i] += more[i];
        }
        if (other.Min is { } min) Min = Min is { } mine ? Math.Min(mine, min) : min;
        if (other.Max is { } max) Max = Max is { } mine2 ? Math.Max(mine2, max) : max;
        if (Categories is { } categories && other.Categories is { } theirs)
        {
            foreach (var (value, count) in theirs) categories[value] = categories.GetValueOrDefault(value) + count;
        }
    }

    private static int FirstOf(double[] edges, int index)
    {
        while (index > 0 && edges[index - 1] == edges[index]) index--;
        return index;
    }
}
