namespace Recur.Core.Profiles;

/// <summary>The profile of a whole table: its row count and one profile per column, in column order.</summary>
/// <param name="Rows">The number of rows, missing values included.</param>
/// <param name="Columns">The column profiles, in the table's column order.</param>
public sealed record TableProfile(long Rows, IReadOnlyList<ColumnProfile> Columns)
{
    /// <summary>The drift reference of every column; fails naming a column profiled without one.</summary>
    public TableReference Reference() => new(Rows, Columns.ToDictionary(
        c => c.Name,
        c => c.Reference ?? throw RecurException.Invalid($"column '{c.Name}' of the profile has no drift reference; profile the data again", c.Name),
        StringComparer.Ordinal));
}

/// <summary>
/// What one column holds, in the spirit of pandas' <c>describe</c> and TFDV statistics. Counts exclude
/// missing values, as pandas' <c>count</c> and <c>nunique</c> do.
/// </summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The column's type as written in files: integer, real or text.</param>
/// <param name="Count">The number of values present.</param>
/// <param name="Missing">The number of missing values.</param>
/// <param name="MissingRate">Missing over rows; 0 for a table without rows.</param>
/// <param name="Distinct">The exact number of distinct values present.</param>
/// <param name="Numeric">Numeric statistics; null for text columns and for columns with no value present.</param>
/// <param name="Text">Text statistics; null for numeric columns and for columns with no value present.</param>
/// <param name="Histogram">Bins of a numeric column; null for text, for no value present, or for an infinite range.</param>
/// <param name="TopValues">The most frequent values, most frequent first.</param>
/// <param name="Reference">
/// What drift detection compares against: a fine quantile grid of a numeric column, the value counts of
/// a text column (see <see cref="ColumnReference"/>).
/// </param>
public sealed record ColumnProfile(
    string Name,
    string Type,
    long Count,
    long Missing,
    double MissingRate,
    long Distinct,
    NumericSummary? Numeric,
    TextSummary? Text,
    Histogram? Histogram,
    IReadOnlyList<ValueCount> TopValues,
    ColumnReference? Reference = null);

/// <summary>
/// Summary statistics of the values present in a numeric column. Quantiles use linear interpolation
/// between the closest ranks, the default of numpy and pandas.
/// </summary>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="Mean">The arithmetic mean.</param>
/// <param name="StdDev">
/// The sample standard deviation (ddof = 1, as pandas); 0 for a single value, where pandas gives NaN,
/// so that profiles stay valid JSON.
/// </param>
/// <param name="P01">The 1st percentile.</param>
/// <param name="P05">The 5th percentile.</param>
/// <param name="P25">The lower quartile.</param>
/// <param name="P50">The median.</param>
/// <param name="P75">The upper quartile.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Zeros">The number of values equal to zero.</param>
public sealed record NumericSummary(
    double Min,
    double Max,
    double Mean,
    double StdDev,
    double P01,
    double P05,
    double P25,
    double P50,
    double P75,
    double P95,
    double P99,
    long Zeros);

/// <summary>Summary statistics of the values present in a text column; lengths count Unicode code points, as pandas' <c>str.len</c>.</summary>
/// <param name="MinLength">The shortest length.</param>
/// <param name="MaxLength">The longest length.</param>
/// <param name="MeanLength">The mean length.</param>
/// <param name="Empty">The number of empty (but present) values.</param>
public sealed record TextSummary(int MinLength, int MaxLength, double MeanLength, long Empty);

/// <summary>
/// Equal-width bins with numpy.histogram semantics: each bin is [left, right) except the last, which is
/// closed. <see cref="Edges"/> has one more entry than <see cref="Counts"/>.
/// </summary>
/// <param name="Edges">The bin edges, ascending.</param>
/// <param name="Counts">The number of values in each bin.</param>
public sealed record Histogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts);

/// <summary>A value and how many rows hold it; numbers are written as invariant round-trip text.</summary>
/// <param name="Value">The value as text.</param>
/// <param name="Count">The number of rows holding it.</param>
public sealed record ValueCount(string Value, long Count);
