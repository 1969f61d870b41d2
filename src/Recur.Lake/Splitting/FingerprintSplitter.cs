using System.Text;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Hashing;

namespace Recur.Lake.Splitting;

/// <summary>
/// Repeatable splitting: a row goes to validation when ABS(MOD(Fingerprint64(key), 100)) is below the
/// validation percentage — the same rule BigQuery users write with FARM_FINGERPRINT, so the split can
/// be reproduced anywhere. The key is one column's value, or several columns' values joined by U+001F.
/// </summary>
public static class FingerprintSplitter
{
    /// <summary>Number of hash buckets.</summary>
    public const int Buckets = 100;

    /// <summary>The key text of a row.</summary>
    public static string KeyOf(DataTable table, IReadOnlyList<string> columns, int row)
    {
        if (columns.Count == 1) return table[columns[0]].Format(row) ?? "";
        var sb = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) sb.Append('\u001f');
            sb.Append(table[columns[i]].Format(row));
        }
        return sb.ToString();
    }

    /// <summary>Whether a key falls in validation for the given share.</summary>
    public static bool IsValidation(string key, double validationShare) =>
        Fingerprint64.Bucket(Fingerprint64.Hash(key), Buckets) < (int)Math.Round(validationShare * Buckets);

    /// <summary>
    /// Splits a table's rows into train and validation row indices, by the key of <paramref name="byColumns"/>
    /// or, when none are given, of the whole row.
    /// </summary>
    public static (List<int> Train, List<int> Validation) Split(DataTable table, IReadOnlyList<string> byColumns, double validationShare)
    {
        CheckShare(validationShare);
        var columns = byColumns.Count > 0 ? byColumns : table.Columns.Select(c => c.Name).ToArray();
        foreach (var c in columns)
        {
            if (!table.Has(c)) throw RecurException.Invalid($"split.by: no column named '{c}'", "split.by");
        }
        return Split(KeysOf(table, columns), validationShare);
    }

    /// <summary>Splits rows by their keys (as <see cref="KeysOf"/> gives them) into train and validation row indices.</summary>
    public static (List<int> Train, List<int> Validation) Split(IReadOnlyList<string> keys, double validationShare)
    {
        CheckShare(validationShare);
        var train = new List<int>();
        var validation = new List<int>();
        for (var row = 0; row < keys.Count; row++)
        {
            (IsValidation(keys[row], validationShare) ? validation : train).Add(row);
        }
        return (train, validation);
    }

    /// <summary>
    /// The key text of every row, exactly as <see cref="KeyOf"/> gives it one row at a time, with the columns
    /// looked up once and one buffer reused: for splitting and leakage checks over whole tables.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static string[] KeysOf(DataTable table, IReadOnlyList<string> columns)
    {
        var resolved = columns.Select(c => table[c]).ToArray();
        var keys = new string[table.RowCount];
        if (resolved.Length == 1)
        {
            for (var row = 0; row < keys.Length; row++) keys[row] = resolved[0].Format(row) ?? "";
            return keys;
        }
        var sb = new StringBuilder();
        for (var row = 0; row < keys.Length; row++)
        {
            sb.Clear();
            for (var i = 0; i < resolved.Length; i++)
            {
                if (i > 0) sb.Append('\u001f');
                sb.Append(resolved[i].Format(row));
            }
            keys[row] = sb.ToString();
        }
        return keys;
    }

    private static void CheckShare(double validationShare)
    {
        if (validationShare is <= 0 or >= 1) throw RecurException.Invalid($"split.validation must be between 0 and 1, got {validationShare}", "split.validation");
    }
}
