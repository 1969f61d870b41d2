namespace Recur.Pipeline.Drift;

/// <summary>What <c>recur drift REFERENCE CURRENT</c> asks for.</summary>
/// <param name="Reference">A file (CSV, TSV, JSON Lines, Parquet), a dataset name (its newest snapshot) or a snapshot id.</param>
/// <param name="Current">The same kinds of source, compared against <paramref name="Reference"/>.</param>
/// <param name="Columns">The columns to compare; null: every column both sides share, minus the project's key.</param>
/// <param name="Correction">bonferroni, bh or none; null keeps <c>monitoring.correction</c>.</param>
/// <param name="Threshold">A threshold for every column (a significance level for tests, a distance for distances); null keeps the project's.</param>
/// <param name="ColumnThresholds">Column → threshold, over <paramref name="Threshold"/> and recur.yaml.</param>
/// <param name="Tests">Column → test name, over recur.yaml's <c>monitoring.columns</c>.</param>
/// <param name="EveryTest">Also compute every test that applies to each column.</param>
public sealed record DriftRequest(
    string Reference,
    string Current,
    IReadOnlyList<string>? Columns = null,
    string? Correction = null,
    double? Threshold = null,
    IReadOnlyDictionary<string, double>? ColumnThresholds = null,
    IReadOnlyDictionary<string, string>? Tests = null,
    bool EveryTest = false);
