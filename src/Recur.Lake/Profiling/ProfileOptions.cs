using Recur.Core;

namespace Recur.Lake.Profiling;

/// <summary>How detailed a profile is.</summary>
/// <param name="Bins">
/// The most histogram bins per numeric column (default 20). Fewer are used when there are fewer
/// distinct values; whole numbers spanning at most this many integers get one bin per integer.
/// </param>
/// <param name="TopValues">How many of the most frequent values to keep per column (default 10).</param>
public sealed record ProfileOptions(int Bins = 20, int TopValues = 10)
{
    /// <summary>Throws when an option is out of range, naming it.</summary>
    public void Validate()
    {
        if (Bins < 1) throw RecurException.Invalid($"profile.bins must be at least 1, got {Bins}", "profile.bins");
        if (TopValues < 0) throw RecurException.Invalid($"profile.top_values must not be negative, got {TopValues}", "profile.top_values");
    }
}
