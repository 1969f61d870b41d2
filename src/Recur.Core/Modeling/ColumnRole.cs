using System.Globalization;
using Recur.Core.Data;

namespace Recur.Core.Modeling;

/// <summary>What a column is for a model, beyond its storage type.</summary>
public enum ColumnRole
{
    /// <summary>A quantity: used as a number.</summary>
    Numeric,

    /// <summary>A small set of repeated values: one category per value.</summary>
    Categorical,

    /// <summary>Free text (sentences, descriptions): most values are unique and made of several words.</summary>
    Text,

    /// <summary>A date or a time stamp written as text.</summary>
    DateTime,

    /// <summary>An identifier: a distinct value per row, which a model must not learn from.</summary>
    Key,
}

/// <summary>
/// Infers a column's <see cref="ColumnRole"/> from its type, its number of distinct values and the length of its
/// values, as <c>recur init</c> prints it. The rules are deliberately plain so a user can predict them:
/// <list type="bullet">
/// <item>text whose non-missing values all parse as dates (ISO 8601 or invariant-culture) is date/time;</item>
/// <item>a column (integer or text) with a distinct value in every non-missing row, at least <see cref="MinRows"/> of them, is a key — unless it is text of several words, which is free text;</item>
/// <item>text with more distinct values than <see cref="FreeTextShare"/> of its rows and three or more words on average is free text;</item>
/// <item>other text is categorical; other numbers are numeric.</item>
/// </list>
/// </summary>
public static class ColumnRoles
{
    /// <summary>Fewest non-missing values before distinctness says anything; below it a column keeps its plain role.</summary>
    public const int MinRows = 20;

    /// <summary>Share of distinct values above which many-word text is free text.</summary>
    public const double FreeTextShare = 0.5;

    /// <summary>The role of a column, from the values it holds.</summary>
    public static ColumnRole Infer(DataColumn column)
    {
        var present = PresentValues(column);
        var distinct = present.Distinct(StringComparer.Ordinal).Count();
        var enough = present.Count >= MinRows;
        if (column.Spec.Type == ColumnType.Real) return ColumnRole.Numeric;
        if (column.Spec.Type == ColumnType.Integer) return enough && distinct == present.Count ? ColumnRole.Key : ColumnRole.Numeric;
        if (present.Count > 0 && present.All(IsDate)) return ColumnRole.DateTime;
        var words = present.Count == 0 ? 0 : present.Average(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        if (enough && words >= 3 && distinct > FreeTextShare * present.Count) return ColumnRole.Text;
        return enough && distinct == present.Count ? ColumnRole.Key : ColumnRole.Categorical;
    }

    /// <summary>How many values of a column are present (not missing), and how many of those are distinct.</summary>
    public static (int Present, int Distinct) Counts(DataColumn column)
    {
        var present = PresentValues(column);
        return (present.Count, present.Distinct(StringComparer.Ordinal).Count());
    }

    private static List<string> PresentValues(DataColumn column) =>
        [.. Enumerable.Range(0, column.Length).Where(r => !column.IsMissing(r)).Select(column.Format).OfType<string>()];

    /// <summary>The role's name as recur prints it.</summary>
    public static string ToName(this ColumnRole role) => role switch
    {
        ColumnRole.Numeric => "numeric",
        ColumnRole.Categorical => "categorical",
        ColumnRole.Text => "free text",
        ColumnRole.DateTime => "date/time",
        _ => "key",
    };

    private static bool IsDate(string value) =>
        value.Length >= 8 && value.Any(char.IsDigit) && (value.Contains('-') || value.Contains('/') || value.Contains(':'))
        && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out _);
}
