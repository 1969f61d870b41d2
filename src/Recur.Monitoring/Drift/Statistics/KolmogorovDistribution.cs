namespace Recur.Monitoring.Drift;

/// <summary>
/// Exact-as-practical distribution of the two-sided one-sample Kolmogorov–Smirnov statistic D_n,
/// ported from scipy 1.10 (<c>scipy.stats.kstwo</c>, <c>scipy/stats/_ksstats.py</c>).
/// </summary>
/// <remarks>
/// The algorithm choice follows Simard &amp; L'Ecuyer (2011) exactly as scipy implements it, so the
/// survival values agree with <c>kstwo.sf</c> to rounding: Ruben–Gambino closed forms at the extremes,
/// twice the one-sided Smirnov tail for large deviations, the Durbin matrix (Marsaglia–Tsang–Wang)
/// or Pomeranz recursion for small n, and the Pelz–Good expansion for large n.
/// </remarks>
public static class KolmogorovDistribution
{
    private const int SmallSampleLimit = 140;
    private const int DurbinSampleLimit = 100_000;

    /// <summary>
    /// P(D_n ≥ <paramref name="statistic"/>), equal to <c>scipy.stats.kstwo.sf(statistic, sampleSize)</c>.
    /// </summary>
    /// <param name="sampleSize">The sample size n (≥ 1).</param>
    /// <param name="statistic">The observed D; values outside [0, 1] give 1 or 0.</param>
    /// <returns>The survival probability, clipped to [0, 1].</returns>
    /// <exception cref="ArgumentException">n is not positive or the statistic is NaN.</exception>
    public static double Survival(int sampleSize, double statistic)
    {
        if (sampleSize < 1)
        {
            throw new ArgumentException("The sample size must be at least 1.", nameof(sampleSize));
        }

        if (double.IsNaN(statistic))
        {
            throw new ArgumentException("The statistic must not be NaN.", nameof(statistic));
        }

        return Math.Clamp(UnclippedSurvival(sampleSize, statistic), 0.0, 1.0);
    }

    private static double UnclippedSurvival(int n, double x)
    {
        if (x >= 1.0)
        {
            return 0.0;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        double t = n * x;
        if (t <= 1.0)
        {
            return t <= 0.5 ? 1.0 : 1.0 - RubenGambinoLowerCdf(n, t);
        }

        if (t >= n - 1)
        {
            return 2 * Math.Pow(1.0 - x, n);
        }

        // Above 1/2 the two one-sided excursions cannot both happen, so the tail is exactly doubled.
        if (x >= 0.5)
        {
            return 2 * SmirnovDistribution.Survival(n, x);
        }

        double nxSquared = t * x;
        if (n <= SmallSampleLimit)
        {
            if (nxSquared <= 0.754693)
            {
                return 1.0 - DurbinMatrix.Cdf(n, x);
            }

            return nxSquared <= 4
                ? 1.0 - PomeranzRecursion.Cdf(n, x)
                : 2 * SmirnovDistribution.Survival(n, x);
        }

        if (nxSquared >= 370.0)
        {
            return 0.0;
        }

        if (nxSquared >= 2.2)
        {
            return 2 * SmirnovDistribution.Survival(n, x);
        }

        double cdf = n <= DurbinSampleLimit && n * Math.Pow(x, 1.5) <= 1.4
            ? DurbinMatrix.Cdf(n, x)
            : PelzGoodApproximation.Cdf(n, x);
        return 1.0 - cdf;
    }

    /// <summary>CDF for 1/(2n) &lt; x ≤ 1/n: n!/n^n · (2nx − 1)^n.</summary>
    private static double RubenGambinoLowerCdf(int n, double t)
    {
        if (n <= SmallSampleLimit)
        {
            double product = 1.0;
            for (int i = 1; i <= n; i++)
            {
                product *= i * (1.0 / n) * ((2 * t) - 1);
            }

            return product;
        }

        return Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
    }

    // Bernoulli-number coefficients of Stirling's series, highest order first (as in scipy).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3,
        -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4,
        -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>
    /// log(n!/n^n) via Stirling's series, with n·log(n) cancelled analytically so that large n
    /// does not lose precision to subtraction.
    /// </summary>
    private static double LogFactorialOverPower(int n)
    {
        double reciprocal = 1.0 / n;
        double y = reciprocal / n;
        double series = 0.0;
        foreach (double coefficient in StirlingCoefficients)
        {
            series = (series * y) + coefficient;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (reciprocal * series);
    }
}
