namespace Recur.Core.Project;

/// <summary>
/// One column's drift rule under <c>monitoring.columns.NAME</c>: the test to use instead of the one chosen by
/// type and reference size, and the threshold to apply instead of the section-wide one.
/// </summary>
public sealed class DriftColumnConfig
{
    /// <summary>
    /// The drift test: ks, wasserstein, chi_square, jensen_shannon, psi or z_test; empty keeps the automatic choice.
    /// </summary>
    public string Test { get; set; } = "";

    /// <summary>
    /// For a hypothesis test (ks, chi_square, z_test) the significance level before correction, in (0, 1); for a
    /// distance (wasserstein, jensen_shannon, psi) the distance above which the column drifts. Null keeps
    /// <c>monitoring.p_value</c> or <c>monitoring.distance_threshold</c>.
    /// </summary>
    public double? Threshold { get; set; }
}
