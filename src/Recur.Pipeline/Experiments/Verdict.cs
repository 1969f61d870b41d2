namespace Recur.Pipeline.Experiments;

/// <summary>
/// A variation's difference from the control in words, read from the paired bootstrap interval of the gain (positive when
/// the variation is better, whichever way the metric points): better when the whole interval is above zero, worse when it
/// is below, no clear difference when it holds zero (or could not be measured).
/// </summary>
public static class Verdict
{
    /// <summary>The whole interval is above zero.</summary>
    public const string Better = "better";

    /// <summary>The whole interval is below zero.</summary>
    public const string Worse = "worse";

    /// <summary>The interval holds zero, or is not a number.</summary>
    public const string NoClearDifference = "no clear difference";

    /// <summary>The verdict for a gain's interval [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static string Of(double low, double high) =>
        double.IsNaN(low) || double.IsNaN(high) ? NoClearDifference
        : low > 0 ? Better
        : high < 0 ? Worse
        : NoClearDifference;
}
