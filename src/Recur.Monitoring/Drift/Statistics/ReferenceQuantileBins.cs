namespace Recur.Monitoring.Drift;

/// <summary>
/// Bins numeric data on the reference's deciles, shared by PSI and numeric Jensen–Shannon.
/// </summary>
/// <remarks>
/// Inner edges are the reference's 10%…90% quantiles computed like numpy's default
/// (<c>np.quantile</c>, linear interpolation); repeated edges from ties are merged, so
/// heavily discrete data gets fewer bins. The outer bins are open-ended: current values
/// outside the reference range still land in a bin instead of being dropped (as
/// <c>np.histogram</c> would do), which is exactly the drift we want to see.
/// A value equal to an edge belongs to the bin above it (<c>np.searchsorted(side='right')</c>).
/// </remarks>
internal static class ReferenceQuantileBins
{
    internal const int BinCount = 10;

    /// <summary>Sorted distinct inner edges from the sorted reference sample.</summary>
    internal static double[] InnerEdges(double[] sortedReference)
    {
        var edges = new double[BinCount - 1];
        for (int i = 1; i < BinCount; i++)
        {
            edges[i - 1] = Quantile(sortedReference, i / (double)BinCount);
        }

        Array.Sort(edges);
        return edges.Distinct().ToArray();
    }

    /// <summary>
    /// The inner edges read off a stored profile's quantile grid at the deciles (linear between grid points, so
    /// exact when the grid has a point at every decile, as the 1001-point profile grid does).
    /// </summary>
    internal static double[] InnerEdges(QuantileGrid grid)
    {
        var edges = new double[BinCount - 1];
        for (int i = 1; i < BinCount; i++)
        {
            double position = (double)i * grid.Intervals / BinCount;
            int cell = Math.Min((int)Math.Floor(position), grid.Intervals - 1);
            double fraction = position - cell;
            double left = grid[cell];
            double right = grid[cell + 1];
            edges[i - 1] = fraction == 0 || left == right ? left : left + ((right - left) * fraction);
        }

        Array.Sort(edges);
        return edges.Distinct().ToArray();
    }

    /// <summary>
    /// Approximate counts per bin of a reference known by its grid: its count times the grid CDF's mass in each
    /// bin (a value on an edge belongs to the bin above, as for raw samples), rounded to whole rows.
    /// </summary>
    internal static long[] Count(QuantileGrid grid, long count, double[] innerEdges)
    {
        var counts = new long[innerEdges.Length + 1];
        double below = 0.0;
        for (int b = 0; b < counts.Length; b++)
        {
            double upTo = b < innerEdges.Length ? grid.Below(innerEdges[b]) : 1.0;
            counts[b] = (long)Math.Round((upTo - below) * count);
            below = upTo;
        }

        return counts;
    }

    /// <summary>Counts per bin (length = edges + 1) for a sorted sample.</summary>
    internal static long[] Count(double[] sortedValues, double[] innerEdges)
    {
        // A value on an edge belongs to the bin above, so bin b ends where the first value ≥ edge b starts.
        var counts = new long[innerEdges.Length + 1];
        int start = 0;
        for (int b = 0; b < innerEdges.Length; b++)
        {
            int end = FirstAtOrAbove(sortedValues, innerEdges[b], start);
            counts[b] = end - start;
            start = end;
        }

        counts[^1] = sortedValues.Length - start;
        return counts;
    }

    private static int FirstAtOrAbove(double[] sorted, double edge, int from)
    {
        int low = from;
        int high = sorted.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (sorted[middle] < edge)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>numpy's 'linear' quantile, including its two-sided lerp for rounding symmetry.</summary>
    private static double Quantile(double[] sorted, double level)
    {
        double virtualIndex = (sorted.Length - 1) * level;
        double lowerIndex = Math.Floor(virtualIndex);
        int lower = (int)lowerIndex;
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        double weight = virtualIndex - lowerIndex;
        double difference = sorted[upper] - sorted[lower];
        return weight >= 0.5
            ? sorted[upper] - (difference * (1 - weight))
            : sorted[lower] + (difference * weight);
    }
}
