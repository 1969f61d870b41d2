namespace Recur.Lake.Validation;

/// <summary>
/// What the data is expected to look like: inferred once from a trusted snapshot, then reviewed
/// and committed with the code, so that each new batch is checked against a human decision rather
/// than against whatever the previous batch happened to hold. Property names map to snake_case
/// keys in the schema file.
/// </summary>
public sealed class DataSchema
{
    /// <summary>The entity key columns; rows sharing a key are a <c>duplicate_key</c> anomaly. Empty when there is no key.</summary>
    public List<string> Key { get; set; } = [];

    /// <summary>
    /// Anomaly kind (see <see cref="AnomalyKinds"/>) to <c>error</c>, <c>warning</c> or <c>ignore</c>,
    /// overriding <see cref="AnomalyKinds.DefaultSeverity"/>.
    /// </summary>
    public Dictionary<string, string> Severity { get; set; } = [];

    /// <summary>
    /// When set, a value anomaly (see <see cref="AnomalyKinds.ValueKinds"/>) that touches more than this share
    /// of the batch's rows is an error and one at or below it a warning, unless <see cref="Severity"/> or the
    /// column's own <see cref="ColumnRule.Severity"/> names the kind. Null (the default in a schema file):
    /// severities are the reviewed ones alone. Set from <c>validation.max_anomaly_share</c> when a batch is
    /// checked against an inferred reference, because nobody has reviewed that schema's severities.
    /// </summary>
    public double? MaxAnomalyShare { get; set; }

    /// <summary>Named environments (for example <c>serving</c>) whose data lacks some columns on purpose.</summary>
    public Dictionary<string, EnvironmentRule> Environments { get; set; } = [];

    /// <summary>The expected columns, in order.</summary>
    public List<ColumnRule> Columns { get; set; } = [];
}

/// <summary>The expectations for one column.</summary>
public sealed class ColumnRule
{
    /// <summary>The column's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The column's type: <c>integer</c>, <c>real</c> or <c>text</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>
    /// Anomaly kind to <c>error</c>, <c>warning</c> or <c>ignore</c> for this column alone, overriding the
    /// schema-wide <see cref="DataSchema.Severity"/> (for example: out-of-range ages fail a batch, other ranges warn).
    /// </summary>
    public Dictionary<string, string>? Severity { get; set; }

    /// <summary>Whether a batch without this column is a <c>missing_column</c> anomaly. Defaults to true.</summary>
    public bool Required { get; set; } = true;

    /// <summary>The largest allowed share of missing values, in [0, 1]; 0 means any missing value is an anomaly.</summary>
    public double MaxMissingRate { get; set; }

    /// <summary>The allowed values of a text column; null allows any value.</summary>
    public List<string>? Domain { get; set; }

    /// <summary>The smallest allowed value of a numeric column; null for no bound.</summary>
    public double? Min { get; set; }

    /// <summary>The largest allowed value of a numeric column; null for no bound.</summary>
    public double? Max { get; set; }

    /// <summary>The shortest allowed text, in characters; null for no bound.</summary>
    public int? MinLength { get; set; }

    /// <summary>The longest allowed text, in characters; null for no bound.</summary>
    public int? MaxLength { get; set; }
}

/// <summary>How one environment's data differs from the training data.</summary>
public sealed class EnvironmentRule
{
    /// <summary>Columns not expected in this environment, such as the label at serving time.</summary>
    public List<string> Exclude { get; set; } = [];
}
