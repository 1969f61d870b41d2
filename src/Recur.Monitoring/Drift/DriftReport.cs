namespace Recur.Monitoring.Drift;

/// <summary>The drift verdict for one feature.</summary>
/// <param name="Feature">Column name.</param>
/// <param name="Test">ks, chi_square, z_test, wasserstein_normed or jensen_shannon.</param>
/// <param name="Statistic">The test statistic or distance.</param>
/// <param name="PValue">The raw p-value for hypothesis tests; null for distances.</param>
/// <param name="Threshold">The threshold applied: the Bonferroni-corrected p-value threshold, or the distance threshold.</param>
/// <param name="Drifted">Whether the feature drifted.</param>
public sealed record FeatureDrift(string Feature, string Test, double Statistic, double? PValue, double Threshold, bool Drifted);

/// <summary>Drift of every feature between a reference and a current sample.</summary>
public sealed record DriftReport(
    IReadOnlyList<FeatureDrift> Features,
    int ReferenceRows,
    int CurrentRows,
    double DriftedShare,
    bool DatasetDrift);
