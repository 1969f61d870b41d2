using Recur.Core.Data;

namespace Recur.Serving.Requests;

/// <summary>
/// One row's model features as the REST API and <c>recur features apply</c> both answer them: the key and every
/// feature by name (a number, a category, or null when missing), in the model's feature order.
/// </summary>
/// <param name="Key">The row's key.</param>
/// <param name="Features">Each feature's value.</param>
public sealed record FeatureRow(string Key, IReadOnlyDictionary<string, object?> Features)
{
    /// <summary>The rows of a features table, keyed.</summary>
    public static IReadOnlyList<FeatureRow> From(IReadOnlyList<string> keys, DataTable features)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(features);
        var rows = new FeatureRow[features.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            var values = new Dictionary<string, object?>(features.Columns.Count, StringComparer.Ordinal);
            foreach (var column in features.Columns)
            {
                values[column.Name] = column switch
                {
                    NumericColumn n => double.IsNaN(n.Values[r]) ? null : n.Values[r],
                    TextColumn t => t.Values[r],
                    _ => column.Format(r),
                };
            }
            rows[r] = new FeatureRow(keys[r], values);
        }
        return rows;
    }
}
