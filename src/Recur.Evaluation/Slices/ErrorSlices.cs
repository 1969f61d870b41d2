using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Statistics;
using Recur.Evaluation.Metrics;
using Recur.Evaluation.Slices.Internal;

namespace Recur.Evaluation.Slices;

/// <summary>
/// Finds where a model errs most: every value of each categorical input and every quantile bucket of each numeric
/// input, then pairs of the most telling columns, each compared with the rest of the rows. Slices are ranked by the
/// significance of their excess error (a two-sample z statistic), not by the raw rate, so a large slice with a moderate
/// excess outranks a tiny slice that is wrong by chance.
/// </summary>
public static class ErrorSlices
{
    /// <summary>Analyses per-row errors (0/1 misclassification, or absolute error) against the rows' input columns.</summary>
    /// <param name="rows">The rows, with the model's raw input columns.</param>
    /// <param name="columns">The input columns to slice by.</param>
    /// <param name="errors">Per row: 1 for a wrong decision and 0 for a right one, or the absolute error.</param>
    /// <param name="binary">True when <paramref name="errors"/> are 0/1 (intervals are Wilson), false for absolute errors.</param>
    /// <param name="top">How many slices to return.</param>
    /// <param name="minRows">The smallest slice considered (smaller ones cannot show a reliable difference).</param>
    public static ErrorAnalysis Find(DataTable rows, IReadOnlyList<string> columns, double[] errors, bool binary, int top = 10, int minRows = 30)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length != rows.RowCount) throw new ArgumentException("One error per row is required.", nameof(errors));
        var n = errors.Length;
        var total = new Moments(errors, Enumerable.Range(0, n));
        var groupings = columns.Where(rows.Has).Select(c => SliceGrouping.Of(rows[c])).Where(g => g.Groups.Count > 1).ToList();
        var found = new List<ErrorSlice>();
        foreach (var g in groupings)
        {
            for (var k = 0; k < g.Groups.Count; k++) Add(found, [g.Column], g.Describe(k), RowsOf(g.Codes, k), errors, total, binary, minRows);
        }
        // Pairs among the columns whose best single slice is most telling (at most 8 columns, 28 pairs).
        var telling = groupings.Select(g => (g, best: found.Where(s => s.Columns[0] == g.Column).Select(s => s.Z).DefaultIfEmpty(double.MinValue).Max()))
            .OrderByDescending(p => p.best).Take(8).Select(p => p.g).ToList();
        var examined = found.Count;
        for (var a = 0; a < telling.Count; a++)
        {
            for (var b = a + 1; b < telling.Count; b++)
            {
                var (ga, gb) = (telling[a], telling[b]);
                var cells = new Dictionary<(int, int), List<int>>();
                for (var r = 0; r < n; r++)
                {
                    if (!cells.TryGetValue((ga.Codes[r], gb.Codes[r]), out var list)) cells[(ga.Codes[r], gb.Codes[r])] = list = [];
                    list.Add(r);
                }
                foreach (var ((ka, kb), members) in cells)
                {
                    examined++;
                    Add(found, [ga.Column, gb.Column], $"{ga.Describe(ka)} and {gb.Describe(kb)}", members, errors, total, binary, minRows);
                }
            }
        }
        examined = Math.Max(examined, found.Count);
        var ranked = found.Where(s => s.Z > 0).OrderByDescending(s => s.Z).ThenBy(s => s.Description, StringComparer.Ordinal).Take(top).ToList();
        return new ErrorAnalysis(binary ? "error rate" : "mean absolute error", total.Mean, ranked, examined, minRows);
    }

    private static List<int> RowsOf(int[] codes, int k)
    {
        var rows = new List<int>();
        for (var r = 0; r < codes.Length; r++) if (codes[r] == k) rows.Add(r);
        return rows;
    }

    private static void Add(List<ErrorSlice> found, string[] columns, string description, List<int> members, double[] errors, Moments total, bool binary, int minRows)
    {
        if (members.Count < minRows || members.Count > total.Count - minRows) return;
        var inside = new Moments(errors, members);
        var rest = total.Without(inside);
        // Two-sample z: the slice's mean against the rest's, with each side's own variance.
        var se = Math.Sqrt(inside.Variance / inside.Count + rest.Variance / rest.Count);
        var z = se > 0 ? (inside.Mean - rest.Mean) / se : 0;
        var (low, high) = binary ? WilsonInterval.Of((int)Math.Round(inside.Sum), inside.Count) : inside.MeanInterval();
        found.Add(new ErrorSlice(description, columns, inside.Count, inside.Mean, low, high, rest.Mean, z, NormalTail.Upper(z)));
    }

    /// <summary>A number as slice descriptions write it.</summary>
    internal static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
