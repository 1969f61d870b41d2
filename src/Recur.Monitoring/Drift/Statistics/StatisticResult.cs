namespace Recur.Monitoring.Drift;

/// <summary>
/// Outcome of a drift statistic: the statistic itself and, for hypothesis tests, its p-value.
/// </summary>
/// <param name="Statistic">The test statistic or distance.</param>
/// <param name="PValue">
/// The p-value of the test, or <see cref="double.NaN"/> for pure distances that have no null distribution.
/// </param>
public sealed record StatisticResult(double Statistic, double PValue)
{
    /// <summary>Wraps a distance that has no p-value.</summary>
    /// <param name="distance">The distance value.</param>
    /// <returns>A result whose <see cref="PValue"/> is <see cref="double.NaN"/>.</returns>
    public static StatisticResult Distance(double distance) => new(distance, double.NaN);
}
