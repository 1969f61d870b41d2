using Recur.Core.Data;

namespace Recur.Evaluation.Robustness.Internal;

/// <summary>One perturbed copy of a tested row: which row, which column, and its new value (a number or a text).</summary>
internal readonly record struct Variant(int Tested, string Column, double Number, string? Text)
{
    /// <summary>
    /// The tested rows' copies as one table: every column as in the source row, the variant's column replaced by
    /// its new value, so all the copies are scored in one call.
    /// </summary>
    public static DataTable Table(DataTable rows, IReadOnlyList<int> tested, IReadOnlyList<Variant> variants)
    {
        var copies = rows.Take(variants.Select(v => tested[v.Tested]).ToArray());
        var columns = copies.Columns.ToList();
        foreach (var group in variants.Select((v, i) => (v, i)).GroupBy(p => p.v.Column))
        {
            var at = columns.FindIndex(c => c.Name == group.Key);
            switch (columns[at])
            {
                case NumericColumn n:
                {
                    var values = n.Values.ToArray();
                    foreach (var (v, i) in group) values[i] = v.Number;
                    columns[at] = new NumericColumn(n.Spec, values);
                    break;
                }
                case TextColumn t:
                {
                    var values = t.Values.ToArray();
                    foreach (var (v, i) in group) values[i] = v.Text;
                    columns[at] = new TextColumn(t.Spec, values);
                    break;
                }
            }
        }
        return new DataTable(columns);
    }

    /// <summary>The new value as text, for an example.</summary>
    public string Shown => Text ?? Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
