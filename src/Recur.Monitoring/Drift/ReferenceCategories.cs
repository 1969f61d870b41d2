using Recur.Core.Profiles;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Turns a stored category reference into the value → count maps the categorical statistics compare,
/// matching what <see cref="DriftDetector.CategoryCounts"/> gives on raw rows.
/// </summary>
internal static class ReferenceCategories
{
    /// <summary>
    /// The reference counts, missing values as <see cref="DriftDetector.MissingCategory"/>, and the current
    /// counts. When the reference was truncated at its cap, its remainder and every current value it did
    /// not keep are pooled into one <see cref="DriftDetector.OtherCategory"/> on both sides: a rare
    /// reference value and a new one cannot be told apart there.
    /// </summary>
    internal static (Dictionary<string, long> Reference, Dictionary<string, long> Current) Counts(
        long missing, CategoryReference categories, Dictionary<string, long> current)
    {
        var reference = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < categories.Values.Count; i++)
        {
            reference[categories.Values[i]] = categories.Counts[i];
        }

        if (missing > 0)
        {
            // Merged like the raw path merges a value that happens to read "<missing>".
            reference[DriftDetector.MissingCategory] = reference.GetValueOrDefault(DriftDetector.MissingCategory) + missing;
        }

        if (!categories.Truncated)
        {
            return (reference, current);
        }

        // A kept value may itself read "<other>"; the pool then takes a name no kept value has.
        string other = DriftDetector.OtherCategory;
        while (reference.ContainsKey(other))
        {
            other = "<" + other + ">";
        }

        var pooled = new Dictionary<string, long>(StringComparer.Ordinal);
        long pooledCount = 0;
        foreach (var (value, count) in current)
        {
            if (reference.ContainsKey(value))
            {
                pooled[value] = count;
            }
            else
            {
                pooledCount += count;
            }
        }

        reference[other] = categories.OtherCount;
        if (pooledCount > 0)
        {
            pooled[other] = pooledCount;
        }

        return (reference, pooled);
    }
}
