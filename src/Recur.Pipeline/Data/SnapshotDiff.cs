using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Lake.Splitting;
using Recur.Monitoring.Drift;

namespace Recur.Pipeline.Data;

/// <summary>A column whose presence or type differs between two snapshots.</summary>
public sealed record SchemaChange(string Column, string Change, string? Before, string? After);

/// <summary>How one shared column's statistics moved.</summary>
public sealed record ColumnShift(string Column, string Test, double Distance, double MissingRateBefore, double MissingRateAfter, double? MeanBefore, double? MeanAfter, long DistinctBefore, long DistinctAfter);

/// <summary>What changed from snapshot A to snapshot B.</summary>
public sealed record SnapshotDiffResult(
    string Before, string After, long RowsBefore, long RowsAfter, IReadOnlyList<string> Key,
    long Added, long Removed, long Changed, long Unchanged,
    IReadOnlyList<SchemaChange> SchemaChanges, IReadOnlyList<ColumnShift> Shifts);

/// <summary>
/// Compares two snapshots: schema changes; rows added, removed and changed by key (or, without a key,
/// whole rows compared as multisets); and per-column statistic shifts with the drift distances.
/// </summary>
public static class SnapshotDiff
{
    /// <summary>Diffs B against A; <paramref name="key"/> names the key columns (empty: whole rows).</summary>
    public static SnapshotDiffResult Compare(SnapshotInfo a, DataTable before, SnapshotInfo b, DataTable after, IReadOnlyList<string> key)
    {
        var changes = new List<SchemaChange>();
        foreach (var c in before.Columns.Where(c => !after.Has(c.Name))) changes.Add(new(c.Name, "removed", c.Spec.Type.ToName(), null));
        foreach (var c in after.Columns.Where(c => !before.Has(c.Name))) changes.Add(new(c.Name, "added", null, c.Spec.Type.ToName()));
        foreach (var c in before.Columns.Where(c => after.Has(c.Name) && after[c.Name].Spec.Type != c.Spec.Type))
        {
            changes.Add(new(c.Name, "type", c.Spec.Type.ToName(), after[c.Name].Spec.Type.ToName()));
        }
        var shared = before.Columns.Select(c => c.Name).Where(after.Has).ToList();
        var usableKey = key.Count > 0 && key.All(k => before.Has(k) && after.Has(k)) ? key : [];
        var (added, removed, changed, unchanged) = usableKey.Count > 0 ? ByKey(before, after, usableKey, shared) : ByRow(before, after, shared);
        var shifts = shared.Where(c => !usableKey.Contains(c)).Select(c => Shift(before[c], after[c])).ToList();
        return new SnapshotDiffResult(a.Id, b.Id, before.RowCount, after.RowCount, usableKey, added, removed, changed, unchanged, changes, shifts);
    }

    private static (long, long, long, long) ByKey(DataTable before, DataTable after, IReadOnlyList<string> key, List<string> shared)
    {
        var old = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var r = 0; r < before.RowCount; r++) old[FingerprintSplitter.KeyOf(before, key, r)] = FingerprintSplitter.KeyOf(before, shared, r);
        long added = 0, changed = 0, unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < after.RowCount; r++)
        {
            var k = FingerprintSplitter.KeyOf(after, key, r);
            seen.Add(k);
            if (!old.TryGetValue(k, out var content)) added++;
            else if (content == FingerprintSplitter.KeyOf(after, shared, r)) unchanged++;
            else changed++;
        }
        return (added, old.Keys.Count(k => !seen.Contains(k)), changed, unchanged);
    }

    private static (long, long, long, long) ByRow(DataTable before, DataTable after, List<string> shared)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var r = 0; r < before.RowCount; r++)
        {
            var row = FingerprintSplitter.KeyOf(before, shared, r);
            counts[row] = counts.GetValueOrDefault(row) + 1;
        }
        long added = 0, unchanged = 0;
        for (var r = 0; r < after.RowCount; r++)
        {
            var row = FingerprintSplitter.KeyOf(after, shared, r);
            if (counts.GetValueOrDefault(row) > 0) { counts[row]--; unchanged++; }
            else added++;
        }
        return (added, counts.Values.Sum(), 0, unchanged);
    }

    private static ColumnShift Shift(DataColumn before, DataColumn after)
    {
        var missingBefore = Rate(before);
        var missingAfter = Rate(after);
        if (before is NumericColumn nb && after is NumericColumn na)
        {
            var distance = nb.Values.Any(double.IsFinite) && na.Values.Any(double.IsFinite) ? Wasserstein.NormedDistance(nb.Values, na.Values) : double.NaN;
            return new(before.Name, "wasserstein_normed", distance, missingBefore, missingAfter, Mean(nb.Values), Mean(na.Values), Distinct(before), Distinct(after));
        }
        var js = JensenShannon.Distance(DriftDetector.CategoryCounts(before), DriftDetector.CategoryCounts(after));
        return new(before.Name, "jensen_shannon", js, missingBefore, missingAfter, null, null, Distinct(before), Distinct(after));
    }

    private static double Rate(DataColumn c) => c.Length == 0 ? 0 : (double)Enumerable.Range(0, c.Length).Count(c.IsMissing) / c.Length;

    private static double? Mean(double[] values) => values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average() is var m && double.IsNaN(m) ? null : m;

    private static long Distinct(DataColumn c) => Enumerable.Range(0, c.Length).Select(c.Format).Where(v => v is not null).Distinct().LongCount();
}
