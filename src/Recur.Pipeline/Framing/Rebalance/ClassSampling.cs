namespace Recur.Pipeline.Framing.Rebalance;

/// <summary>
/// The row choices of rebalancing, on class indices: inverse-frequency class weights, a seeded down-sample of the
/// larger classes and a seeded up-sample (duplicates) of the smaller ones. Pure functions of the labels and the seed.
/// </summary>
public static class ClassSampling
{
    /// <summary>How many rows each class has (classes without rows count 0).</summary>
    public static int[] Counts(int[] classes, int classCount)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var counts = new int[classCount];
        foreach (var c in classes) counts[c]++;
        return counts;
    }

    /// <summary>Inverse frequency: a class with n_c of n rows over k present classes weighs n / (k · n_c), so every class carries the same total weight.</summary>
    public static double[] InverseFrequency(int[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        var present = counts.Count(c => c > 0);
        return [.. counts.Select(c => c == 0 ? 1 : total / (double)(present * c))];
    }

    /// <summary>
    /// A down-sample: every row of the smallest class, and of each other class at most <paramref name="ratio"/> × as many
    /// rows, drawn without replacement by <paramref name="seed"/>. Row indices in ascending order.
    /// </summary>
    public static List<int> Downsample(int[] classes, int classCount, double ratio, int seed)
    {
        var counts = Counts(classes, classCount);
        var smallest = counts.Where(c => c > 0).Min();
        var cap = (int)Math.Ceiling(ratio * smallest);
        var random = new Random(seed);
        var kept = new List<int>();
        for (var c = 0; c < classCount; c++)
        {
            var rows = RowsOf(classes, c);
            if (rows.Count > cap)
            {
                Shuffle(rows, random);
                rows = rows.GetRange(0, cap);
            }
            kept.AddRange(rows);
        }
        kept.Sort();
        return kept;
    }

    /// <summary>
    /// An up-sample: every row once, and the rows of each class smaller than the largest ÷ <paramref name="ratio"/>
    /// duplicated up to that size (whole copies first, then a seeded draw without replacement for the rest). Row
    /// indices in ascending order, a duplicate next to its original.
    /// </summary>
    public static List<int> Upsample(int[] classes, int classCount, double ratio, int seed)
    {
        var counts = Counts(classes, classCount);
        var target = (int)Math.Ceiling(counts.Max() / ratio);
        var random = new Random(seed);
        var all = Enumerable.Range(0, classes.Length).ToList();
        for (var c = 0; c < classCount; c++)
        {
            if (counts[c] == 0 || counts[c] >= target) continue;
            var rows = RowsOf(classes, c);
            var extra = target - counts[c];
            for (var copy = 0; copy < extra / rows.Count; copy++) all.AddRange(rows);
            Shuffle(rows, random);
            all.AddRange(rows.GetRange(0, extra % rows.Count));
        }
        all.Sort();
        return all;
    }

    private static List<int> RowsOf(int[] classes, int c)
    {
        var rows = new List<int>();
        for (var i = 0; i < classes.Length; i++) if (classes[i] == c) rows.Add(i);
        return rows;
    }

    // Fisher–Yates with the caller's seeded generator.
    private static void Shuffle(List<int> rows, Random random)
    {
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
    }
}
