namespace Recur.Monitoring.Drift;

/// <summary>
/// Upper tail of the one-sided Kolmogorov–Smirnov statistic, P(D_n⁺ ≥ x), matching
/// <c>scipy.special.smirnov(n, x)</c> for the x &gt; 1/n range the two-sided routing needs.
/// </summary>
/// <remarks>
/// Uses the Smirnov/Birnbaum–Tingey sum
/// x · Σ_{v=0}^{⌊n(1−x)⌋} C(n,v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v).
/// Every term is positive, so summing in log space (instead of scipy's double-double arithmetic)
/// loses no significant accuracy while keeping huge binomials and tiny powers in range.
/// </remarks>
internal static class SmirnovDistribution
{
    private const int LargestExactN = 1_000_000;
    private const double MinimumLog = -708.3964185322641;

    internal static double Survival(int n, double x)
    {
        if (n == 1)
        {
            return 1 - x;
        }

        if (x <= 0.0)
        {
            return 1.0;
        }

        if (x >= 1.0)
        {
            return 0.0;
        }

        // n·x split exactly into floor + fraction (FMA recovers the product's rounding error),
        // because 1 − x − v/n is a small difference of nearly equal quantities near the last term.
        double nx = n * x;
        double nxError = Math.FusedMultiplyAdd(n, x, -nx);
        double nxFloor = Math.Floor(nx);
        double alpha = (nx - nxFloor) + nxError;
        if (alpha < 0)
        {
            nxFloor -= 1;
            alpha += 1;
        }
        else if (alpha >= 1)
        {
            nxFloor += 1;
            alpha -= 1;
        }

        if (nxFloor == 0 || (nxFloor == 1 && alpha == 0))
        {
            return 1 - (x * Math.Pow(1 + x, n - 1));
        }

        if (-2 * n * x * x < MinimumLog)
        {
            return 0.0;
        }

        if (nxFloor >= n - 1)
        {
            return Math.Pow(1 - x, n);
        }

        if (n > LargestExactN)
        {
            // scipy's approximation beyond its exact range: p ≈ exp(−(6nx+1)²/(18n)).
            return Math.Exp(-Math.Pow((6.0 * n * x) + 1.0, 2) / 18.0 / n);
        }

        return x * Math.Exp(LogSumOfTerms(n, (int)nxFloor, alpha));
    }

    /// <summary>log Σ_v C(n,v)(x+v/n)^(v−1)(1−x−v/n)^(n−v) with a running log-sum-exp.</summary>
    private static double LogSumOfTerms(int n, int nxFloor, double alpha)
    {
        double largest = double.NegativeInfinity;
        double scaledSum = 0.0;
        double logBinomial = 0.0;
        int lastTerm = n - nxFloor - 1;
        for (int v = 0; v <= lastTerm; v++)
        {
            double below = (nxFloor + v + alpha) / n;       // x + v/n
            double above = (n - nxFloor - v - alpha) / n;   // 1 - x - v/n
            if (above > 0)
            {
                double logTerm = logBinomial + ((v - 1) * Math.Log(below)) + ((n - v) * Math.Log(above));
                if (logTerm > largest)
                {
                    scaledSum = (scaledSum * Math.Exp(largest - logTerm)) + 1.0;
                    largest = logTerm;
                }
                else
                {
                    scaledSum += Math.Exp(logTerm - largest);
                }
            }

            logBinomial += Math.Log((double)(n - v) / (v + 1));
        }

        return largest + Math.Log(scaledSum);
    }
}
