using Recur.Core.Data;

namespace Recur.Evaluation.Robustness.Internal;

/// <summary>Makes each kind's perturbed copies of the tested rows, seeded.</summary>
internal static class VariantMaker
{
    /// <summary>
    /// Per numeric column with spread over the reference rows: each present value moved up and down by nudge × its
    /// interquartile range. A column whose middle half is one value (mostly zeros, like a capital gain) is skipped:
    /// any step off that value is a jump into values the data hardly has, not a small nudge.
    /// </summary>
    public static (List<Variant> Variants, List<string> Columns) Nudges(DataTable rows, IReadOnlyList<int> tested, DataTable reference, IEnumerable<string> numeric, double nudge)
    {
        var variants = new List<Variant>();
        var used = new List<string>();
        foreach (var name in numeric.Where(c => rows.Has(c) && rows[c] is NumericColumn))
        {
            var source = reference.Has(name) && reference[name] is NumericColumn r ? r.Values : ((NumericColumn)rows[name]).Values;
            var step = nudge * InterquartileRange(source);
            if (!(step > 0) || !double.IsFinite(step)) continue;
            used.Add(name);
            var values = ((NumericColumn)rows[name]).Values;
            for (var t = 0; t < tested.Count; t++)
            {
                var value = values[tested[t]];
                if (double.IsNaN(value)) continue;
                variants.Add(new Variant(t, name, value + step, null));
                variants.Add(new Variant(t, name, value - step, null));
            }
        }
        return (variants, used);
    }

    /// <summary>Per column the model does not read: each tested row's value replaced by another value observed in that column.</summary>
    public static (List<Variant> Variants, List<string> Columns) Irrelevant(DataTable rows, IReadOnlyList<int> tested, IEnumerable<string> irrelevant, Random random)
    {
        var variants = new List<Variant>();
        var used = new List<string>();
        foreach (var name in irrelevant.Where(rows.Has))
        {
            var column = rows[name];
            var any = false;
            for (var t = 0; t < tested.Count; t++)
            {
                var current = column.Format(tested[t]);
                // A few seeded draws find another value unless the column is (nearly) constant.
                for (var attempt = 0; attempt < 16; attempt++)
                {
                    var other = random.Next(rows.RowCount);
                    if (column.Format(other) == current) continue;
                    variants.Add(column is NumericColumn n ? new Variant(t, name, n.Values[other], null) : new Variant(t, name, double.NaN, ((TextColumn)column).Values[other]));
                    any = true;
                    break;
                }
            }
            if (any) used.Add(name);
        }
        return (variants, used);
    }

    /// <summary>Per free-text column: two copies of each present text, each with one filler word inserted at a seeded position.</summary>
    public static (List<Variant> Variants, List<string> Columns) FillerWords(DataTable rows, IReadOnlyList<int> tested, IEnumerable<string> text, Random random)
    {
        var variants = new List<Variant>();
        var used = new List<string>();
        var fillers = PerturbationKinds.FillerWords;
        foreach (var name in text.Where(c => rows.Has(c) && rows[c] is TextColumn))
        {
            var values = ((TextColumn)rows[name]).Values;
            used.Add(name);
            for (var t = 0; t < tested.Count; t++)
            {
                if (values[tested[t]] is not { } sentence) continue;
                var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
                for (var copy = 0; copy < 2; copy++)
                {
                    var changed = new List<string>(words);
                    changed.Insert(random.Next(changed.Count + 1), fillers[random.Next(fillers.Count)]);
                    variants.Add(new Variant(t, name, double.NaN, string.Join(' ', changed)));
                }
            }
        }
        return (variants, used);
    }

    private static double InterquartileRange(double[] values)
    {
        var present = values.Where(double.IsFinite).Order().ToArray();
        if (present.Length < 2) return 0;
        return Quantile(present, 0.75) - Quantile(present, 0.25);
    }

    // Linear interpolation between the closest ranks (numpy's default).
    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
