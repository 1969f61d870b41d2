using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Shift.Internal;

/// <summary>
/// The domain classifier's inputs: each numeric feature standardised on both domains together (missing → 0, the mean,
/// plus a missing indicator when any value is missing), each text feature one-hot over its 12 most frequent categories.
/// </summary>
internal sealed class DomainEncoder
{
    private const int MaxCategories = 12;
    private readonly List<Func<DataTable, int, double>> _inputs = [];

    public static DomainEncoder Fit(DataTable reference, DataTable current, IReadOnlyList<FeatureSpec> features)
    {
        var encoder = new DomainEncoder();
        foreach (var feature in features)
        {
            var name = feature.Name;
            if (reference[name] is NumericColumn r && current[name] is NumericColumn c)
            {
                var values = r.Values.Concat(c.Values).Where(v => !double.IsNaN(v)).ToArray();
                if (values.Length == 0) continue;
                var mean = values.Average();
                var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
                if (sd == 0) sd = 1;
                encoder._inputs.Add((t, i) => ((NumericColumn)t[name]).Values[i] is var v && double.IsNaN(v) ? 0 : (v - mean) / sd);
                if (values.Length < r.Values.Length + c.Values.Length)
                    encoder._inputs.Add((t, i) => double.IsNaN(((NumericColumn)t[name]).Values[i]) ? 1 : 0);
            }
            else
            {
                var top = Texts(reference[name]).Concat(Texts(current[name])).GroupBy(v => v ?? "", StringComparer.Ordinal)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxCategories).Select(g => g.Key).ToList();
                foreach (var category in top) encoder._inputs.Add((t, i) => string.Equals(Texts(t[name])[i] ?? "", category, StringComparison.Ordinal) ? 1 : 0);
            }
        }
        return encoder;
    }

    public IEnumerable<double[]> Encode(DataTable table) =>
        Enumerable.Range(0, table.RowCount).Select(i => _inputs.Select(f => f(table, i)).ToArray());

    private static IReadOnlyList<string?> Texts(DataColumn column) => column switch
    {
        TextColumn t => t.Values,
        NumericColumn n => n.Values.Select(v => double.IsNaN(v) ? null : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
        _ => throw new InvalidOperationException($"column '{column.Name}' has an unsupported type"),
    };
}
