using Recur.Core;
using Recur.Core.Data;

namespace Recur.Lake.Validation;

/// <summary>How <see cref="SchemaInference.Infer"/> turns observed data into expectations.</summary>
/// <param name="MaxDomainSize">A text column with at most this many distinct values gets a domain; more and it is treated as free text, bounded by length.</param>
/// <param name="MissingRateSlack">Added to the observed missing rate of columns that have any missing values, so normal variation is not an anomaly.</param>
/// <param name="Key">The entity key columns, if any.</param>
public sealed record SchemaInferenceOptions(int MaxDomainSize = 100, double MissingRateSlack = 0.05, IReadOnlyList<string>? Key = null);

/// <summary>Drafts a <see cref="DataSchema"/> from a table, for a person to review and commit.</summary>
public static class SchemaInference
{
    /// <summary>
    /// Describes the table as it is: each column's type and missing rate, the range of numbers, and
    /// for text either its domain (few distinct values) or its lengths (free text).
    /// The draft is deliberately tight; loosening it is a reviewed decision.
    /// </summary>
    public static DataSchema Infer(DataTable table, SchemaInferenceOptions? options = null)
    {
        options ??= new SchemaInferenceOptions();
        if (options.MaxDomainSize < 0) throw RecurException.Invalid("max domain size must not be negative", "max_domain_size");
        if (options.MissingRateSlack is < 0 or > 1 || double.IsNaN(options.MissingRateSlack))
        {
            throw RecurException.Invalid("missing rate slack must be in [0, 1]", "missing_rate_slack");
        }
        var key = options.Key?.ToList() ?? [];
        foreach (var name in key.Where(k => !table.Has(k)))
        {
            throw RecurException.Invalid($"key column '{name}' is not in the table", name);
        }
        return new DataSchema { Key = key, Columns = [.. table.Columns.Select(c => Describe(c, table.RowCount, options))] };
    }

    private static ColumnRule Describe(DataColumn column, int rows, SchemaInferenceOptions options)
    {
        var rule = new ColumnRule { Name = column.Name, Type = column.Spec.Type.ToName() };
        var missing = Enumerable.Range(0, rows).Count(column.IsMissing);
        rule.MaxMissingRate = AllowedMissingRate(missing, rows, options.MissingRateSlack);
        switch (column)
        {
            case NumericColumn numbers:
                var present = numbers.Values.Where(v => !double.IsNaN(v)).ToArray();
                if (present.Length > 0) (rule.Min, rule.Max) = (present.Min(), present.Max());
                break;
            case TextColumn texts:
                var values = texts.Values.OfType<string>().ToArray();
                if (values.Length == 0) break;
                var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                // A domain already pins every value; lengths would only report the same rows twice.
                if (distinct.Count <= options.MaxDomainSize) rule.Domain = distinct;
                else (rule.MinLength, rule.MaxLength) = (values.Min(v => v.Length), values.Max(v => v.Length));
                break;
        }
        return rule;
    }

    // A column never seen missing stays at 0, so its first missing value is reported. Otherwise the
    // rate is rounded to four places for a readable file, but never below what was observed, so a
    // schema never flags the very data it was inferred from.
    private static double AllowedMissingRate(int missing, int rows, double slack)
    {
        if (missing == 0) return 0;
        var observed = (double)missing / rows;
        var allowed = Math.Min(1, Math.Round(observed + slack, 4));
        return allowed >= observed ? allowed : Math.Min(1, Math.Ceiling(observed * 10_000) / 10_000);
    }
}
