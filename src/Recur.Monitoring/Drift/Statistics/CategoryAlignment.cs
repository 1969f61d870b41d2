namespace Recur.Monitoring.Drift;

/// <summary>
/// Lines up two category → count maps over the union of their categories, so categorical
/// statistics can work on parallel arrays. Reference categories come first, in their order,
/// followed by categories seen only in the current data.
/// </summary>
internal static class CategoryAlignment
{
    /// <exception cref="ArgumentException">A map holds a negative count or has a zero total.</exception>
    internal static (long[] Reference, long[] Current) Align(
        IReadOnlyDictionary<string, long> referenceCounts,
        IReadOnlyDictionary<string, long> currentCounts,
        string referenceParameter,
        string currentParameter)
    {
        Validate(referenceCounts, referenceParameter);
        Validate(currentCounts, currentParameter);

        var categories = new List<string>(referenceCounts.Keys);
        foreach (string category in currentCounts.Keys)
        {
            if (!referenceCounts.ContainsKey(category))
            {
                categories.Add(category);
            }
        }

        var reference = new long[categories.Count];
        var current = new long[categories.Count];
        for (int i = 0; i < categories.Count; i++)
        {
            reference[i] = referenceCounts.GetValueOrDefault(categories[i]);
            current[i] = currentCounts.GetValueOrDefault(categories[i]);
        }

        return (reference, current);
    }

    private static void Validate(IReadOnlyDictionary<string, long> counts, string parameterName)
    {
        long total = 0;
        foreach (long count in counts.Values)
        {
            if (count < 0)
            {
                throw new ArgumentException("Category counts must not be negative.", parameterName);
            }

            total = checked(total + count);
        }

        if (total == 0)
        {
            throw new ArgumentException("The category counts must have a positive total.", parameterName);
        }
    }
}
