namespace Recur.Core.Profiles;

/// <summary>
/// The compact part of a profile that drift detection compares against, so monitoring needs no raw
/// training rows: a table's row count and one reference per column, by column name.
/// </summary>
/// <param name="Rows">The number of rows profiled, missing values included.</param>
/// <param name="Columns">Column name → its reference.</param>
public sealed record TableReference(long Rows, IReadOnlyDictionary<string, ColumnReference> Columns);

/// <summary>
/// One column's reference distribution: <see cref="Numbers"/> for a numeric column with a value present,
/// <see cref="Categories"/> for a text column; both null for a numeric column without values.
/// </summary>
/// <param name="Missing">The number of missing values; categorical drift counts them as a category of their own.</param>
/// <param name="Numbers">The quantile grid of a numeric column.</param>
/// <param name="Categories">The value counts of a text column.</param>
public sealed record ColumnReference(long Missing, NumericReference? Numbers, CategoryReference? Categories);

/// <summary>
/// The distribution of the values present in a numeric column, as an evenly spaced quantile grid.
/// </summary>
/// <param name="Count">The number of values present.</param>
/// <param name="Mean">Their arithmetic mean.</param>
/// <param name="PopulationStdDev">Their population standard deviation (ddof = 0), the scale of normed Wasserstein.</param>
/// <param name="Quantiles">
/// Quantiles at levels i / (n − 1) for i = 0 … n − 1 (numpy's "linear" method): the first is the
/// minimum, the last the maximum.
/// </param>
public sealed record NumericReference(long Count, double Mean, double PopulationStdDev, IReadOnlyList<double> Quantiles);

/// <summary>
/// The value counts of a text column, most frequent first (ties in ordinal order), up to a cap; the
/// values beyond the cap are pooled into one remainder bucket.
/// </summary>
/// <param name="Values">The values kept.</param>
/// <param name="Counts">Their counts, parallel to <see cref="Values"/>.</param>
/// <param name="OtherCount">The rows holding a value beyond the cap; 0 when every value was kept.</param>
/// <param name="OtherDistinct">How many distinct values were pooled into the remainder; 0 when none.</param>
public sealed record CategoryReference(IReadOnlyList<string> Values, IReadOnlyList<long> Counts, long OtherCount, long OtherDistinct)
{
    /// <summary>Whether values beyond the cap were pooled into the remainder bucket.</summary>
    public bool Truncated => OtherDistinct > 0;
}
