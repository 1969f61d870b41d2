using System.Globalization;
using Recur.Core;
using Recur.Core.Data;

namespace Recur.Lake.Validation;

/// <summary>Checks a batch of data against its reviewed <see cref="DataSchema"/>.</summary>
public static class Validator
{
    private const int MaxExamples = 5;

    /// <summary>
    /// Finds every anomaly in the table: missing, extra or retyped columns, unseen categories,
    /// values out of range, too many missing values, text of the wrong length and duplicate keys.
    /// The result is deterministic: sorted by column order in the schema (columns the schema does
    /// not know come last, in table order), then kind; examples are ordered by frequency, then value.
    /// </summary>
    /// <param name="table">The batch to check.</param>
    /// <param name="schema">The expectations.</param>
    /// <param name="environment">An environment declared in the schema (for example <c>serving</c>), or null for training data.</param>
    /// <exception cref="RecurException">The environment is not declared, or a column rule has an unknown type.</exception>
    public static ValidationResult Validate(DataTable table, DataSchema schema, string? environment = null)
    {
        var excluded = Excluded(schema, environment);
        var found = new List<(int Order, Anomaly Anomaly)>();
        void Report(int order, string column, string kind, long count, IReadOnlyList<string> examples, string detail)
        {
            var share = table.RowCount == 0 ? 0 : Math.Min(1, (double)count / table.RowCount);
            var rule = order < schema.Columns.Count ? schema.Columns[order] : null;
            var severity = SeverityOf(schema, rule, kind, share);
            if (severity != AnomalySeverity.Ignore) found.Add((order, new Anomaly(column, kind, severity, count, Math.Round(share, 6), examples, detail)));
        }

        for (var order = 0; order < schema.Columns.Count; order++)
        {
            var rule = schema.Columns[order];
            var expected = ColumnTypeNames.Parse(rule.Type ?? "")
                ?? throw RecurException.Invalid($"schema column '{rule.Name}': type '{rule.Type}' is not integer, real or text", rule.Name);
            var present = table.Has(rule.Name);
            if (excluded.Contains(rule.Name))
            {
                if (present) Report(order, rule.Name, AnomalyKinds.ExtraColumn, table.RowCount, [], $"present, but excluded in environment '{environment}'");
                continue;
            }
            if (!present)
            {
                if (rule.Required) Report(order, rule.Name, AnomalyKinds.MissingColumn, table.RowCount, [], "required column is absent");
                continue;
            }
            foreach (var (kind, count, examples, detail) in Check(table[rule.Name], rule, expected))
            {
                Report(order, rule.Name, kind, count, examples, detail);
            }
        }

        var known = schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in table.Columns.Where(c => !known.Contains(c.Name)))
        {
            Report(schema.Columns.Count + table.Schema.IndexOf(column.Name), column.Name, AnomalyKinds.ExtraColumn, table.RowCount, [], "column is not in the schema");
        }

        if (schema.Key.Count > 0 && schema.Key.All(table.Has))
        {
            var (count, examples) = DuplicateKeys(table, schema.Key);
            var order = schema.Key.Select(k => schema.Columns.FindIndex(c => c.Name == k)).Where(i => i >= 0).DefaultIfEmpty(int.MaxValue).Min();
            if (count > 0) Report(order, string.Join(",", schema.Key), AnomalyKinds.DuplicateKey, count, examples, Invariant($"{count} rows share a key with another row"));
        }

        var sorted = found.OrderBy(f => f.Order).ThenBy(f => f.Anomaly.Kind, StringComparer.Ordinal).Select(f => f.Anomaly).ToList();
        return new ValidationResult(sorted);
    }

    // The column's reviewed choice first, then the schema's, then the share rule, then the kind's default.
    private static string SeverityOf(DataSchema schema, ColumnRule? rule, string kind, double share)
    {
        if (rule?.Severity?.GetValueOrDefault(kind) is { } forColumn) return forColumn;
        if (schema.Severity.GetValueOrDefault(kind) is { } forSchema) return forSchema;
        if (schema.MaxAnomalyShare is { } most && AnomalyKinds.ValueKinds.Contains(kind))
        {
            return share > most ? AnomalySeverity.Error : AnomalySeverity.Warning;
        }
        return AnomalyKinds.DefaultSeverity(kind);
    }

    private static IEnumerable<(string Kind, long Count, IReadOnlyList<string> Examples, string Detail)> Check(DataColumn column, ColumnRule rule, ColumnType expected)
    {
        var actual = column.Spec.Type;
        // Reals arriving where integers were expected lose meaning (counts, ids); the reverse is harmless.
        if ((expected, actual) is (ColumnType.Integer, ColumnType.Real) || expected.IsNumeric() != actual.IsNumeric())
        {
            yield return (AnomalyKinds.TypeChange, column.Length, [], $"expected {expected.ToName()}, got {actual.ToName()}");
        }
        var missing = Enumerable.Range(0, column.Length).Count(column.IsMissing);
        var rate = column.Length == 0 ? 0 : (double)missing / column.Length;
        if (rate > rule.MaxMissingRate)
        {
            yield return (AnomalyKinds.MissingRate, missing, [], Invariant($"missing rate {rate:0.####} ({missing} of {column.Length} rows) is above the allowed {rule.MaxMissingRate:0.####}"));
        }
        if (column is NumericColumn numbers && expected.IsNumeric() && (rule.Min is not null || rule.Max is not null))
        {
            var (min, max) = (rule.Min ?? double.NegativeInfinity, rule.Max ?? double.PositiveInfinity);
            var outside = numbers.Values.Where(v => v < min || v > max).ToList();
            // The values furthest outside the range say the most about what went wrong.
            var examples = outside.Distinct().OrderByDescending(v => Math.Max(min - v, v - max)).ThenBy(v => v).Take(MaxExamples)
                .Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList();
            if (outside.Count > 0) yield return (AnomalyKinds.OutOfRange, outside.Count, examples, Invariant($"{outside.Count} values outside [{min}, {max}]"));
        }
        if (column is not TextColumn texts || expected.IsNumeric()) yield break;
        var values = texts.Values.OfType<string>().ToList();
        if (rule.Domain is not null)
        {
            var domain = rule.Domain.ToHashSet(StringComparer.Ordinal);
            var (count, examples) = Tally(values.Where(v => !domain.Contains(v)));
            if (count > 0) yield return (AnomalyKinds.UnseenCategory, count, examples, Invariant($"{count} rows hold values outside the domain of {domain.Count}"));
        }
        if (rule.MinLength is not null || rule.MaxLength is not null)
        {
            var (shortest, longest) = (rule.MinLength ?? 0, rule.MaxLength ?? int.MaxValue);
            var (count, examples) = Tally(values.Where(v => v.Length < shortest || v.Length > longest));
            var bounds = $"[{shortest}, {(rule.MaxLength is null ? "inf" : longest)}]";
            if (count > 0) yield return (AnomalyKinds.LengthOutOfRange, count, examples, Invariant($"{count} values with length outside {bounds}"));
        }
    }

    private static (long Count, IReadOnlyList<string> Examples) Tally(IEnumerable<string> values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values) counts[value] = counts.GetValueOrDefault(value) + 1;
        return (counts.Values.Sum(c => (long)c), MostFrequent(counts));
    }

    private static HashSet<string> Excluded(DataSchema schema, string? environment)
    {
        if (environment is null) return [];
        if (!schema.Environments.TryGetValue(environment, out var rule))
        {
            var known = schema.Environments.Count == 0 ? "none" : string.Join(", ", schema.Environments.Keys.Order(StringComparer.Ordinal));
            throw RecurException.Invalid($"the schema declares no environment '{environment}' (declared: {known})", "environment");
        }
        return (rule?.Exclude ?? []).ToHashSet(StringComparer.Ordinal);
    }

    private static (long Count, IReadOnlyList<string> Examples) DuplicateKeys(DataTable table, IReadOnlyList<string> key)
    {
        var columns = key.Select(k => table[k]).ToArray();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < table.RowCount; row++)
        {
            var value = string.Join("|", columns.Select(c => c.Format(row) ?? "<missing>"));
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        var repeated = counts.Where(p => p.Value > 1).ToList();
        return (repeated.Sum(p => (long)p.Value), MostFrequent(repeated));
    }

    private static IReadOnlyList<string> MostFrequent(IEnumerable<KeyValuePair<string, int>> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(MaxExamples).Select(p => p.Key).ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
