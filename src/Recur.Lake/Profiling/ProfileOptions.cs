using Recur.Core;

namespace Recur.Lake.Profiling;

/// <summary>How detailed a profile is.</summary>
/// <param name="Bins">
/// The most histogram bins per numeric column (default 20). Fewer are used when there are fewer
/// distinct values; whole numbers spanning at most this many integers get one bin per integer.
/// </param>
/// <param name="TopValues">How many of the most frequent values to keep per column (default 10).</param>
/// <param name="ReferenceQuantiles">
/// Intervals of the drift reference's quantile grid per numeric column (default 1000, so 1001 quantiles
/// from the minimum to the maximum in steps of 0.1 %).
/// </param>
/// <param name="ReferenceCategories">
/// The most distinct values whose counts the drift reference keeps per text column (default 10,000); the
/// rest are pooled into one remainder bucket.
/// </param>
public sealed record ProfileOptions(int Bins = 20, int TopValues = 10, int ReferenceQuantiles = 1000, int ReferenceCategories = 10_000)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        if (Bins < 1) throw RecurException.Invalid($"profile.bins must be at least 1, got {Bins}", "profile.bins");
        if (TopValues < 0) throw RecurException.Invalid($"profile.top_values must not be negative, got {TopValues}", "profile.top_values");
        if (ReferenceQuantiles < 2) throw RecurException.Invalid($"profile.reference_quantiles must be at least 2, got {ReferenceQuantiles}", "profile.reference_quantiles");
        if (ReferenceCategories < 1) throw RecurException.Invalid($"profile.reference_categories must be at least 1, got {ReferenceCategories}", "profile.reference_categories");
    }
}
