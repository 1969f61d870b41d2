using Recur.Core.Data;

namespace Recur.Evaluation.Slices.Internal;

/// <summary>
/// One column cut into slices: a categorical column by value (the 20 most frequent, the rest together), a numeric column
/// by quintile buckets; a missing value is its own slice.
/// </summary>
internal sealed record SliceGrouping(string Column, int[] Codes, IReadOnlyList<string> Groups)
{
    private const int MaxValues = 20;
    private const int Buckets = 5;

    public string Describe(int k) => Groups[k];

    public static SliceGrouping Of(DataColumn column)
    {
        var n = column.Length;
        var codes = new int[n];
        var groups = new List<string>();
        if (column is NumericColumn numeric)
        {
            var values = numeric.Values;
            var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
            var edges = sorted.Length == 0 ? [] : Enumerable.Range(1, Buckets - 1).Select(k => sorted[(int)((long)k * (sorted.Length - 1) / Buckets)]).Distinct().ToArray();
            var distinct = sorted.Distinct().Take(Buckets + 1).ToArray();
            if (distinct.Length <= Buckets)
            {
                // Few distinct values: each is a slice.
                foreach (var v in distinct) groups.Add($"{column.Name} = {ErrorSlices.Text(v)}");
                for (var r = 0; r < n; r++) codes[r] = double.IsNaN(values[r]) ? -1 : Array.IndexOf(distinct, values[r]);
            }
            else
            {
                for (var k = 0; k <= edges.Length; k++)
                {
                    groups.Add(k == 0 ? $"{column.Name} < {ErrorSlices.Text(edges[0])}"
                        : k == edges.Length ? $"{column.Name} >= {ErrorSlices.Text(edges[^1])}"
                        : $"{column.Name} in [{ErrorSlices.Text(edges[k - 1])}, {ErrorSlices.Text(edges[k])})");
                }
                for (var r = 0; r < n; r++)
                {
                    if (double.IsNaN(values[r])) { codes[r] = -1; continue; }
                    var b = 0;
                    while (b < edges.Length && values[r] >= edges[b]) b++;
                    codes[r] = b;
                }
            }
        }
        else
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < n; r++) if (column.Format(r) is { } v) counts[v] = counts.GetValueOrDefault(v) + 1;
            var kept = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxValues).Select(p => p.Key).ToList();
            var index = kept.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
            groups.AddRange(kept.Select(v => $"{column.Name} = {v}"));
            var other = counts.Count > kept.Count ? groups.Count : -2;
            if (other >= 0) groups.Add($"{column.Name} is another value");
            for (var r = 0; r < n; r++) codes[r] = column.Format(r) is { } v ? (index.TryGetValue(v, out var i) ? i : other) : -1;
        }
        if (codes.Contains(-1))
        {
            var missing = groups.Count;
            groups.Add($"{column.Name} is missing");
            for (var r = 0; r < n; r++) if (codes[r] == -1) codes[r] = missing;
        }
        return new SliceGrouping(column.Name, codes, groups);
    }
}
