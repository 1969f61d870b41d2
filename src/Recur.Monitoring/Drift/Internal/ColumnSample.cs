using Recur.Core.Profiles;

namespace Recur.Monitoring.Drift;

/// <summary>
/// One column's two sides, prepared once so every test on it reuses the work: numbers sorted without NaN (the
/// reference either raw or a stored profile's quantile grid), categories as value → count maps.
/// </summary>
internal sealed class ColumnSample
{
    private ColumnSample(string name, bool numeric, long referenceCount, long currentCount)
    {
        Name = name;
        Numeric = numeric;
        ReferenceCount = referenceCount;
        CurrentCount = currentCount;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Whether the column is compared as numbers (else as categories).</summary>
    public bool Numeric { get; }

    /// <summary>Values on the reference side the tests see (numbers present; every row for categories).</summary>
    public long ReferenceCount { get; }

    /// <summary>Values on the current side the tests see.</summary>
    public long CurrentCount { get; }

    /// <summary>The sorted raw reference numbers; null when the reference is a grid or the column is categorical.</summary>
    public double[]? Reference { get; private init; }

    /// <summary>The stored profile's quantile grid; null for a raw reference.</summary>
    public NumericReference? Grid { get; private init; }

    /// <summary>The sorted current numbers.</summary>
    public double[]? Current { get; private init; }

    /// <summary>Reference value → count.</summary>
    public IReadOnlyDictionary<string, long>? ReferenceCounts { get; private init; }

    /// <summary>Current value → count.</summary>
    public IReadOnlyDictionary<string, long>? CurrentCounts { get; private init; }

    public static ColumnSample Numbers(string name, double[] sortedReference, double[] sortedCurrent) =>
        new(name, true, sortedReference.Length, sortedCurrent.Length) { Reference = sortedReference, Current = sortedCurrent };

    public static ColumnSample Numbers(string name, NumericReference grid, double[] sortedCurrent) =>
        new(name, true, grid.Count, sortedCurrent.Length) { Grid = grid, Current = sortedCurrent };

    public static ColumnSample Categories(string name, IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> current) =>
        new(name, false, Total(reference), Total(current)) { ReferenceCounts = reference, CurrentCounts = current };

    private readonly Dictionary<IDriftTest, DriftTestOutcome> _outcomes = [];
    private (long[] Reference, long[] Current)? _bins;

    /// <summary>Runs a test once; asking again (the PSI beside the verdict, every test) reuses the outcome. One thread per column.</summary>
    public DriftTestOutcome Run(IDriftTest test)
    {
        if (!_outcomes.TryGetValue(test, out var outcome)) _outcomes[test] = outcome = test.Run(this);
        return outcome;
    }

    /// <summary>Counts of the reference and current numbers in the reference's decile bins (PSI, numeric Jensen–Shannon), computed once.</summary>
    public (long[] Reference, long[] Current) DecileBins() => _bins ??= Bin();

    private (long[] Reference, long[] Current) Bin()
    {
        if (Reference is { } raw)
        {
            double[] edges = ReferenceQuantileBins.InnerEdges(raw);
            return (ReferenceQuantileBins.Count(raw, edges), ReferenceQuantileBins.Count(Current!, edges));
        }

        var grid = new QuantileGrid(Grid!.Quantiles, Name);
        double[] gridEdges = ReferenceQuantileBins.InnerEdges(grid);
        return (ReferenceQuantileBins.Count(grid, Grid.Count, gridEdges), ReferenceQuantileBins.Count(Current!, gridEdges));
    }

    private static long Total(IReadOnlyDictionary<string, long> counts)
    {
        long total = 0;
        foreach (long count in counts.Values)
        {
            total += count;
        }

        return total;
    }
}
