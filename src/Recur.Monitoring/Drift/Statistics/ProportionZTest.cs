using MathNet.Numerics;

namespace Recur.Monitoring.Drift;

/// <summary>
/// Two-proportion z-test, used for binary features and label rates.
/// </summary>
public static class ProportionZTest
{
    /// <summary>
    /// Pooled two-sample z-test of equal success proportions (as in Evidently and
    /// <c>statsmodels.stats.proportion.proportions_ztest</c>):
    /// z = (p_ref − p_cur) / √(p̂(1 − p̂)(1/n_ref + 1/n_cur)), p = 2·Φ(−|z|).
    /// </summary>
    /// <remarks>
    /// z is positive when the reference proportion is higher. When both samples are all
    /// successes or all failures the standard error is zero; the proportions are then identical,
    /// so the result is (0, 1) rather than the 0/0 NaN a literal formula gives.
    /// </remarks>
    /// <param name="successesRef">Successes in the reference sample.</param>
    /// <param name="nRef">Size of the reference sample (&gt; 0).</param>
    /// <param name="successesCur">Successes in the current sample.</param>
    /// <param name="nCur">Size of the current sample (&gt; 0).</param>
    /// <returns>The z statistic and its two-sided p-value.</returns>
    /// <exception cref="ArgumentException">A size is not positive or successes fall outside [0, n].</exception>
    public static StatisticResult TwoSample(long successesRef, long nRef, long successesCur, long nCur)
    {
        Validate(successesRef, nameof(successesRef), nRef, nameof(nRef));
        Validate(successesCur, nameof(successesCur), nCur, nameof(nCur));

        double referenceRate = (double)successesRef / nRef;
        double currentRate = (double)successesCur / nCur;
        double pooledRate = (double)(successesRef + successesCur) / (nRef + nCur);
        double variance = pooledRate * (1 - pooledRate) * ((1.0 / nRef) + (1.0 / nCur));
        if (variance <= 0)
        {
            return new StatisticResult(0.0, 1.0);
        }

        double z = (referenceRate - currentRate) / Math.Sqrt(variance);
        double pValue = SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));
        return new StatisticResult(z, pValue);
    }

    private static void Validate(long successes, string successesName, long size, string sizeName)
    {
        if (size <= 0)
        {
            throw new ArgumentException("The sample size must be positive.", sizeName);
        }

        if (successes < 0 || successes > size)
        {
            throw new ArgumentException("Successes must lie between 0 and the sample size.", successesName);
        }
    }
}
