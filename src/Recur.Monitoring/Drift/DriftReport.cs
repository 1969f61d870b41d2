namespace Recur.Monitoring.Drift;

/// <summary>The drift verdict for one feature.</summary>
/// <param name="Feature">Column name.</param>
/// <param name="Test">ks, chi_square, z_test, wasserstein_normed, jensen_shannon, psi, or all_missing.</param>
/// <param name="Statistic">The test statistic or distance; NaN when the column has insufficient data.</param>
/// <param name="PValue">The raw p-value for hypothesis tests; null for distances and for columns not judged.</param>
/// <param name="Threshold">The threshold applied: the corrected p-value threshold, or the distance threshold.</param>
/// <param name="Drifted">Whether the feature drifted.</param>
public sealed record FeatureDrift(string Feature, string Test, double Statistic, double? PValue, double Threshold, bool Drifted)
{
    /// <summary>Status of a column whose test ran.</summary>
    public const string Judged = "judged";

    /// <summary>Status of a column with too few values on a side to run its test.</summary>
    public const string InsufficientData = "insufficient_data";

    /// <summary>"numeric" or "categorical".</summary>
    public string Type { get; init; } = "";

    /// <summary><see cref="Judged"/>, or <see cref="InsufficientData"/> (no p-value, not drifted, left out of the drift share).</summary>
    public string Status { get; init; } = Judged;

    /// <summary>Why the column was not judged; null when it was.</summary>
    public string? Reason { get; init; }

    /// <summary>Values compared on the reference side: numbers present, or every row for a category (missing is one).</summary>
    public long ReferenceCount { get; init; }

    /// <summary>Values compared on the current side.</summary>
    public long CurrentCount { get; init; }

    /// <summary>The Population Stability Index (reference deciles for numbers), reported for every judged column.</summary>
    public double? Psi { get; init; }

    /// <summary>The PSI band: stable (&lt; 0.1), moderate (0.1–0.25) or major (&gt; 0.25).</summary>
    public string? PsiBand { get; init; }

    /// <summary>Every test that applies to the column, when asked for; null otherwise. The verdict is <see cref="Test"/>'s.</summary>
    public IReadOnlyList<DriftStatistic>? Statistics { get; init; }
}

/// <summary>One test's statistic on a column, reported beside the verdict.</summary>
/// <param name="Test">The test name.</param>
/// <param name="Statistic">Its statistic or distance.</param>
/// <param name="PValue">Its p-value; null for distances.</param>
public sealed record DriftStatistic(string Test, double Statistic, double? PValue);

/// <summary>Drift of every feature between a reference and a current sample.</summary>
/// <param name="Features">Each feature's verdict.</param>
/// <param name="ReferenceRows">Rows in the reference.</param>
/// <param name="CurrentRows">Rows in the current sample.</param>
/// <param name="DriftedShare">Drifted features over the features judged (0 when none was).</param>
/// <param name="DatasetDrift">Whether at least half of the judged features drifted.</param>
public sealed record DriftReport(
    IReadOnlyList<FeatureDrift> Features,
    int ReferenceRows,
    int CurrentRows,
    double DriftedShare,
    bool DatasetDrift)
{
    /// <summary>Features whose test ran; the drift share counts only these.</summary>
    public int Judged { get; init; }

    /// <summary>Features not judged for insufficient data.</summary>
    public int NotJudged { get; init; }

    /// <summary>The multiple-testing correction applied to the p-value tests (bonferroni, bh or none).</summary>
    public string Correction { get; init; } = "bonferroni";
}
