using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Counts category values. The lake shares one string instance per distinct value of a categorical column, so
/// counting by reference first (an identity hash, no character reads) and merging by value at the end is several
/// times faster than hashing every string; when the instances turn out not to be shared (many distinct
/// references), it falls back to counting by value.
/// </summary>
internal static class CategoryCounter
{
    private const int MaxReferences = 4096;

    public static Dictionary<string, long> Count(string?[] values, string missing)
    {
        var byReference = new Dictionary<string, long>(ReferenceEqualityComparer.Instance);
        long missingCount = 0;
        var i = 0;
        for (; i < values.Length && byReference.Count <= MaxReferences; i++)
        {
            if (values[i] is { } value) CollectionsMarshal.GetValueRefOrAddDefault(byReference, value, out _)++;
            else missingCount++;
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (value, count) in byReference) CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _) += count;
        for (; i < values.Length; i++)
        {
            if (values[i] is { } value) CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
            else missingCount++;
        }

        // Missing is a category of its own (merged with a value that happens to read like it).
        if (missingCount > 0) CollectionsMarshal.GetValueRefOrAddDefault(counts, missing, out _) += missingCount;
        return counts;
    }
}
