namespace Recur.Monitoring.Drift;

/// <summary>
/// Prepares numeric samples for the drift statistics: NaN marks a missing value in Recur's
/// feature columns, so it is dropped rather than allowed to poison the statistic.
/// </summary>
internal static class NumericSample
{
    /// <summary>Returns a sorted copy of <paramref name="values"/> without NaN entries.</summary>
    /// <exception cref="ArgumentException">No non-NaN value is present.</exception>
    internal static double[] SortedWithoutNaN(ReadOnlySpan<double> values, string parameterName)
    {
        double[] sorted = RadixSort.SortedWithoutNaN(values);
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The sample must contain at least one non-NaN value.", parameterName);
        }

        return sorted;
    }
}
