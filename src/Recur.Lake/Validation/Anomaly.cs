namespace Recur.Lake.Validation;

/// <summary>One way a batch of data departs from its <see cref="DataSchema"/>.</summary>
/// <param name="Column">The column at fault; for <c>duplicate_key</c>, the key columns joined by commas.</param>
/// <param name="Kind">One of <see cref="AnomalyKinds"/>.</param>
/// <param name="Severity"><see cref="AnomalySeverity.Error"/> or <see cref="AnomalySeverity.Warning"/>.</param>
/// <param name="Count">How many rows are affected.</param>
/// <param name="Share">The share of the batch's rows affected, in [0, 1] (<paramref name="Count"/> over the row count).</param>
/// <param name="Examples">Up to five offending values, most telling first.</param>
/// <param name="Detail">A one-line explanation for people.</param>
public sealed record Anomaly(string Column, string Kind, string Severity, long Count, double Share, IReadOnlyList<string> Examples, string Detail);

/// <summary>The anomalies found in one batch.</summary>
/// <param name="Anomalies">Sorted by column order in the schema, then kind.</param>
public sealed record ValidationResult(IReadOnlyList<Anomaly> Anomalies)
{
    /// <summary>Whether the batch may be used: no anomaly has severity error. Warnings alone pass.</summary>
    public bool Ok => Anomalies.All(a => a.Severity != AnomalySeverity.Error);
}

/// <summary>The kinds of anomaly, as written in schema files and reports.</summary>
public static class AnomalyKinds
{
    /// <summary>A required column is absent.</summary>
    public const string MissingColumn = "missing_column";

    /// <summary>A column the schema does not know, or one excluded in the environment.</summary>
    public const string ExtraColumn = "extra_column";

    /// <summary>A column arrived with an incompatible type.</summary>
    public const string TypeChange = "type_change";

    /// <summary>A text value outside the column's domain.</summary>
    public const string UnseenCategory = "unseen_category";

    /// <summary>A number below the minimum or above the maximum.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>More missing values than the column allows.</summary>
    public const string MissingRate = "missing_rate";

    /// <summary>A text value shorter or longer than allowed.</summary>
    public const string LengthOutOfRange = "length_out_of_range";

    /// <summary>Rows sharing an entity key.</summary>
    public const string DuplicateKey = "duplicate_key";

    /// <summary>Every kind, in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [DuplicateKey, ExtraColumn, LengthOutOfRange, MissingColumn, MissingRate, OutOfRange, TypeChange, UnseenCategory];

    /// <summary>
    /// The kinds about values rather than structure, which <see cref="DataSchema.MaxAnomalyShare"/> grades by
    /// the share of rows they touch.
    /// </summary>
    public static IReadOnlyList<string> ValueKinds { get; } = [LengthOutOfRange, MissingRate, OutOfRange, UnseenCategory];

    /// <summary>
    /// The severity when the schema does not override it. Structural breaks are errors because
    /// no downstream stage can use such data; value drift is a warning because it is often real change.
    /// </summary>
    public static string DefaultSeverity(string kind) => kind switch
    {
        MissingColumn or TypeChange or DuplicateKey => AnomalySeverity.Error,
        _ => AnomalySeverity.Warning,
    };
}

/// <summary>The severities, as written in schema files and reports.</summary>
public static class AnomalySeverity
{
    /// <summary>The batch fails validation.</summary>
    public const string Error = "error";

    /// <summary>Reported, but the batch passes.</summary>
    public const string Warning = "warning";

    /// <summary>Not reported at all.</summary>
    public const string Ignore = "ignore";

    /// <summary>Whether the text names a severity.</summary>
    public static bool IsKnown(string? severity) => severity is Error or Warning or Ignore;
}
