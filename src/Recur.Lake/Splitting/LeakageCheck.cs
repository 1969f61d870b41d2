using Recur.Core.Data;

namespace Recur.Lake.Splitting;

/// <summary>One kind of leakage found between the splits, with examples.</summary>
public sealed record LeakageFinding(string Kind, long Count, IReadOnlyList<string> Examples, string Detail);

/// <summary>
/// Checks a split for leakage: an entity key in both splits, exact duplicate rows across splits, and
/// (for time splits) validation rows earlier than the latest training row. Any finding is an error:
/// the validation metrics would flatter the model.
/// </summary>
public static class LeakageCheck
{
    /// <summary>
    /// The findings (empty when the split is clean). <paramref name="rowKeys"/> are the whole-row keys of the table's
    /// rows (<see cref="FingerprintSplitter.KeysOf"/> over every column) when the caller already has them.
    /// </summary>
    public static IReadOnlyList<LeakageFinding> Check(DataTable table, IReadOnlyList<int> train, IReadOnlyList<int> validation, IReadOnlyList<string> keyColumns, string? timeColumn, IReadOnlyList<string>? rowKeys = null)
    {
        var findings = new List<LeakageFinding>();
        if (keyColumns.Count > 0 && keyColumns.All(table.Has))
        {
            var trainKeys = train.Select(r => FingerprintSplitter.KeyOf(table, keyColumns, r)).ToHashSet(StringComparer.Ordinal);
            var shared = validation.Select(r => FingerprintSplitter.KeyOf(table, keyColumns, r)).Where(trainKeys.Contains).Distinct().ToList();
            if (shared.Count > 0) findings.Add(new("key_in_both_splits", shared.Count, shared.Take(5).ToList(), $"{shared.Count} keys of {string.Join(",", keyColumns)} appear in train and validation"));
        }
        rowKeys ??= FingerprintSplitter.KeysOf(table, table.Columns.Select(c => c.Name).ToList());
        var trainRows = train.Select(r => rowKeys[r]).ToHashSet(StringComparer.Ordinal);
        var duplicated = validation.Where(r => trainRows.Contains(rowKeys[r])).ToList();
        if (duplicated.Count > 0)
        {
            findings.Add(new("duplicate_rows_across_splits", duplicated.Count, duplicated.Take(5).Select(r => $"row {r + 1}").ToList(),
                $"{duplicated.Count} validation rows are exact copies of training rows"));
        }
        if (timeColumn is not null && table.Has(timeColumn) && train.Count > 0 && validation.Count > 0)
        {
            var times = TimeSplitter.Times(table[timeColumn]);
            var latestTrain = train.Max(r => times[r]);
            var early = validation.Where(r => times[r] < latestTrain).ToList();
            if (early.Count > 0)
            {
                findings.Add(new("validation_before_train", early.Count, early.Take(5).Select(r => $"row {r + 1}: {table[timeColumn].Format(r)}").ToList(),
                    $"{early.Count} validation rows precede the latest training row"));
            }
        }
        return findings;
    }
}
