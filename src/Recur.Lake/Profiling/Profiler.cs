using System.Globalization;
using System.Runtime.InteropServices;
using Recur.Core.Data;
using Recur.Core.Profiles;

namespace Recur.Lake.Profiling;

/// <summary>
/// Profiles a table column by column: counts, missing values, distinct values, summary statistics,
/// quantiles, a histogram, the most frequent values, and the drift reference (a fine quantile grid or
/// the value counts). Numbers match pandas and numpy (see tests/data/golden/gen_profile_goldens.py). A
/// numeric column is sorted once and everything else is read off the sorted values; a text column is
/// counted in one pass. Rows can come in batches (<see cref="ProfileAsync"/>), so a snapshot is
/// profiled without holding its text.
/// </summary>
public static class Profiler
{
    private static readonly double[] Quantiles = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    /// <summary>Profiles every column of a table, in column order.</summary>
    /// <param name="table">The table to profile.</param>
    /// <param name="options">Bin and top-value limits; the defaults when null.</param>
    public static TableProfile Profile(DataTable table, ProfileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var tally = new ProfileTally(table.Schema.Columns);
        tally.Add(table);
        return tally.Profile(options);
    }

    /// <summary>
    /// Profiles a table that arrives in batches (a snapshot read row group by row group) without holding
    /// its rows: numeric columns keep their present values (exact quantiles need them), text columns keep
    /// one count per distinct value. The result is the same as profiling the whole table at once.
    /// </summary>
    public static async Task<TableProfile> ProfileAsync(IAsyncEnumerable<DataTable> batches, IReadOnlyList<ColumnSpec> schema, ProfileOptions? options = null, CancellationToken ct = default)
    {
        var tally = new ProfileTally(schema);
        await foreach (var batch in batches.WithCancellation(ct)) tally.Add(batch);
        return tally.Profile(options);
    }

    /// <summary>What profiling needs of the rows seen so far.</summary>
    private sealed class ProfileTally(IReadOnlyList<ColumnSpec> schema)
    {
        private readonly List<double[]>[] _numbers = schema.Select(s => s.Type.IsNumeric() ? new List<double[]>() : null!).ToArray();
        private readonly Dictionary<string, long>[] _counts = schema.Select(s => s.Type.IsNumeric() ? null! : new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        private readonly long[] _present = new long[schema.Count];
        private long _rows;

        public void Add(DataTable batch)
        {
            // Each column is tallied by one thread, which writes only its own slots.
            Parallel.For(0, schema.Count, c =>
            {
                switch (batch.Columns[c])
                {
                    case NumericColumn numbers:
                        var values = numbers.Values;
                        var kept = new double[values.Length - values.Count(double.IsNaN)];
                        var n = 0;
                        foreach (var v in values) if (!double.IsNaN(v)) kept[n++] = v;
                        _numbers[c].Add(kept);
                        _present[c] += kept.Length;
                        break;
                    case TextColumn texts:
                        var counts = _counts[c];
                        foreach (var value in texts.Values)
                        {
                            if (value is null) continue;
                            _present[c]++;
                            CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
                        }
                        break;
                    case var other:
                        throw new NotSupportedException($"column '{other.Name}' has an unsupported storage type {other.GetType().Name}");
                }
            });
            _rows += batch.RowCount;
        }

        public TableProfile Profile(ProfileOptions? options)
        {
            options ??= new ProfileOptions();
            options.Validate();
            var columns = new ColumnProfile[schema.Count];
            // One thread profiles a whole column and writes only its own slot, so scheduling cannot change the result.
            Parallel.For(0, columns.Length, c => columns[c] = schema[c].Type.IsNumeric()
                ? ProfileNumbers(schema[c], _rows, Concat(_numbers[c], _present[c]), options)
                : ProfileText(schema[c], _rows, _counts[c], _present[c], options));
            return new TableProfile(_rows, columns);
        }

        // Sized exactly up front: growing buffers of a million doubles means large-object-heap churn.
        private static double[] Concat(List<double[]> chunks, long present)
        {
            if (chunks.Count == 1) return chunks[0];
            var all = new double[present];
            var at = 0;
            foreach (var chunk in chunks)
            {
                chunk.CopyTo(all, at);
                at += chunk.Length;
            }
            chunks.Clear();
            return all;
        }
    }

    // The present values, in any order; sorted in place.
    private static ColumnProfile ProfileNumbers(ColumnSpec spec, long rows, double[] sorted, ProfileOptions options)
    {
        Array.Sort(sorted);
        if (sorted.Length == 0) return Column(spec, rows, 0, 0, null, null, null, [], new ColumnReference(rows, null, null));

        var mean = CompensatedSum(sorted, v => v) / sorted.Length;
        var squares = CompensatedSum(sorted, v => (v - mean) * (v - mean));
        var std = sorted.Length == 1 ? 0 : Math.Sqrt(squares / (sorted.Length - 1));
        var q = Quantiles.Select(p => Quantile(sorted, p)).ToArray();
        var zeros = sorted.LongCount(v => v == 0);
        var summary = new NumericSummary(sorted[0], sorted[^1], mean, std, q[0], q[1], q[2], q[3], q[4], q[5], q[6], zeros);
        var distinct = Runs(sorted).LongCount();
        var top = Top(Runs(sorted), options.TopValues, v => v.ToString("R", CultureInfo.InvariantCulture), LeadAtLeast);
        var reference = new NumericReference(sorted.Length, mean, Math.Sqrt(squares / sorted.Length), QuantileGrid(sorted, options.ReferenceQuantiles));
        return Column(spec, rows, sorted.Length, distinct, summary, null, Bin(sorted, distinct, options.Bins), top,
            new ColumnReference(rows - sorted.Length, reference, null));
    }

    // Levels i / intervals are computed by division, not by adding steps, so the grid's levels are exact
    // where they can be (0.5, 0.25, …) and its ends are the minimum and the maximum. -0 is written 0,
    // because the sort may put either zero first and the stored profile must not depend on row order.
    private static double[] QuantileGrid(double[] sorted, int intervals)
    {
        var grid = new double[intervals + 1];
        for (var i = 0; i <= intervals; i++)
        {
            var q = Quantile(sorted, (double)i / intervals);
            grid[i] = q == 0 ? 0.0 : q;
        }
        return grid;
    }

    // Runs of equal values in sorted order are the distinct values with their counts. -0 equals 0 (as in
    // pandas), and the sort may put either first, so a zero run is always reported as 0.
    private static IEnumerable<(double Value, long Count)> Runs(double[] sorted)
    {
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start]) end++;
            yield return (sorted[start] == 0 ? 0.0 : sorted[start], end - start);
            start = end;
        }
    }

    // A lower bound on the first character of a number's "R" text, so ties need not all be formatted.
    private static char LeadAtLeast(double v) => double.IsNegative(v) ? '-' : v >= 1 ? '1' : '0';

    // One count per distinct present value.
    private static ColumnProfile ProfileText(ColumnSpec spec, long rows, Dictionary<string, long> counts, long present, ProfileOptions options)
    {
        if (present == 0) return Column(spec, rows, 0, 0, null, null, null, [], new ColumnReference(rows, null, new CategoryReference([], [], 0, 0)));

        // Lengths are measured once per distinct value and weighted by its count.
        int minLength = int.MaxValue, maxLength = 0;
        long totalLength = 0;
        foreach (var (value, count) in counts)
        {
            var length = CodePoints(value);
            minLength = Math.Min(minLength, length);
            maxLength = Math.Max(maxLength, length);
            totalLength += length * count;
        }
        var summary = new TextSummary(minLength, maxLength, (double)totalLength / present, counts.GetValueOrDefault("", 0));
        // The top values and the reference's counts are one ranking (count, then ordinal text), cut at two lengths.
        var ranked = Top(counts.Select(kv => (kv.Key, kv.Value)), Math.Max(options.TopValues, options.ReferenceCategories), v => v, v => v.Length == 0 ? '\0' : v[0]);
        var top = ranked.Count > options.TopValues ? ranked[..options.TopValues] : ranked;
        var kept = ranked.Count > options.ReferenceCategories ? ranked[..options.ReferenceCategories] : ranked;
        var keptRows = kept.Sum(v => v.Count);
        var categories = new CategoryReference(kept.ConvertAll(v => v.Value), kept.ConvertAll(v => v.Count), present - keptRows, counts.Count - kept.Count);
        return Column(spec, rows, present, counts.Count, null, summary, null, top, new ColumnReference(rows - present, null, categories));
    }

    private static ColumnProfile Column(ColumnSpec spec, long rows, long present, long distinct, NumericSummary? numeric, TextSummary? text, Histogram? histogram,
        IReadOnlyList<ValueCount> top, ColumnReference reference)
    {
        var missing = rows - present;
        return new ColumnProfile(spec.Name, spec.Type.ToName(), present, missing, rows == 0 ? 0 : (double)missing / rows, distinct, numeric, text, histogram, top, reference);
    }

    // Neumaier summation keeps the mean and the two-pass variance accurate to the last bits on a million
    // rows, where a plain loop would drift from pandas' pairwise sums.
    private static double CompensatedSum(double[] values, Func<double, double> term)
    {
        double sum = 0, compensation = 0;
        foreach (var v in values)
        {
            var t = term(v);
            var next = sum + t;
            compensation += Math.Abs(sum) >= Math.Abs(t) ? sum - next + t : t - next + sum;
            sum = next;
        }
        return sum + compensation;
    }

    // numpy's "linear" method, including its lerp from the nearer end so results are monotone and exact at ranks.
    private static double Quantile(double[] sorted, double p)
    {
        var index = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(index);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var gamma = index - below;
        double a = sorted[below], b = sorted[above], diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }

    // numpy.histogram with Recur's bin count: whole numbers spanning at most `maxBins` integers get one
    // unit-wide bin per integer (a bar per value is what people expect of counts and codes); otherwise
    // min(maxBins, distinct) equal-width bins over [min, max].
    private static Histogram? Bin(double[] sorted, long distinct, int maxBins)
    {
        double min = sorted[0], max = sorted[^1];
        if (!double.IsFinite(min) || !double.IsFinite(max)) return null;
        var (bins, first, last) = max - min + 1 <= maxBins && Array.TrueForAll(sorted, v => v == Math.Floor(v))
            ? ((int)(max - min + 1), min - 0.5, max + 0.5)
            : ((int)Math.Min(maxBins, distinct), min == max ? min - 0.5 : min, min == max ? max + 0.5 : max);

        // numpy.linspace: i * step + first, with the last edge set exactly.
        var edges = new double[bins + 1];
        var step = (last - first) / bins;
        for (var i = 0; i < bins; i++) edges[i] = step == 0 ? (double)i / bins * (last - first) + first : i * step + first;
        edges[bins] = last;

        var binCounts = new long[bins];
        var norm = bins / (last - first);
        foreach (var (v, count) in Runs(sorted))
        {
            var bin = Math.Min((int)((v - first) * norm), bins - 1);
            // numpy's correction: the multiplication can put a value one bin off right at an edge.
            if (v < edges[bin]) bin--;
            else if (v >= edges[bin + 1] && bin != bins - 1) bin++;
            binCounts[bin] += count;
        }
        return new Histogram(edges, binCounts);
    }

    // The k most frequent values, ties broken by ordinal text, keeping only k candidates in a heap whose
    // root is the worst kept. A value is formatted only when it could earn a place: its count is higher,
    // or equal and its first character (bounded below by leadAtLeast) does not already lose the tie.
    private static List<ValueCount> Top<T>(IEnumerable<(T Value, long Count)> items, int k, Func<T, string> format, Func<T, char> leadAtLeast)
    {
        var worstFirst = Comparer<ValueCount>.Create((x, y) => x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.CompareOrdinal(y.Value, x.Value));
        var heap = new PriorityQueue<ValueCount, ValueCount>(worstFirst);
        foreach (var (value, count) in items)
        {
            if (k == 0) break;
            if (heap.Count < k)
            {
                var entry = new ValueCount(format(value), count);
                heap.Enqueue(entry, entry);
                continue;
            }
            var worst = heap.Peek();
            if (count < worst.Count || (count == worst.Count && (worst.Value.Length == 0 || leadAtLeast(value) > worst.Value[0]))) continue;
            var text = format(value);
            if (count == worst.Count && string.CompareOrdinal(text, worst.Value) >= 0) continue;
            var better = new ValueCount(text, count);
            heap.EnqueueDequeue(better, better);
        }
        var top = new List<ValueCount>(heap.Count);
        while (heap.Count > 0) top.Add(heap.Dequeue());
        top.Reverse();
        return top;
    }

    // Surrogate pairs count once, as pandas' str.len counts code points; most text has none, so check first.
    private static int CodePoints(string value)
    {
        if (value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0) return value.Length;
        var length = 0;
        foreach (var _ in value.EnumerateRunes()) length++;
        return length;
    }
}
