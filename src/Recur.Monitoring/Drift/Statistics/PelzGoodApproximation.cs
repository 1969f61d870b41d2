namespace Recur.Monitoring.Drift;

/// <summary>
/// Pelz–Good (1976) asymptotic expansion of P(D_n ≤ x) for large n, ported from scipy's
/// <c>_kolmogn_PelzGood</c>. It rewrites the Li-Chien/Korolyuk series
/// K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5 (z = x√n) with Jacobi theta identities so it
/// converges for the small z where the original series does not.
/// </summary>
internal static class PelzGoodApproximation
{
    private const double MinimumLog = -708;
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private const double PiSquared = Math.PI * Math.PI;
    private static readonly double PiFourth = Math.Pow(Math.PI, 4);
    private static readonly double PiSixth = Math.Pow(Math.PI, 6);

    internal static double Cdf(int n, double x)
    {
        if (x <= 0.0)
        {
            return 0.0;
        }

        if (x >= 1.0)
        {
            return 1.0;
        }

        double z = Math.Sqrt(n) * x;
        double z2 = z * z;
        double z3 = Math.Pow(z, 3);
        double z4 = Math.Pow(z, 4);
        double z6 = Math.Pow(z, 6);

        double qLog = -PiSquared / 8 / z2;
        if (qLog < MinimumLog)
        {
            return 0.0;
        }

        double q = Math.Exp(qLog);
        double k1a = -z2;
        double k1b = PiSquared / 4;
        double k2a = (6 * z6) + (2 * z4);
        double k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4;
        double k2c = PiFourth * (1 - (2 * z2)) / 16;
        double k3d = PiSixth * (5 - (30 * z2)) / 64;
        double k3c = PiFourth * ((-60 * z2) + (212 * z4)) / 16;
        double k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        double k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        // Horner scheme over odd integers m = 2k-1 of Σ c(m) q^(m²).
        var terms = new double[4];
        int maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (int k = maxK; k > 0; k--)
        {
            double m = (2 * k) - 1;
            double m2 = m * m;
            double m4 = Math.Pow(m, 4);
            double m6 = Math.Pow(m, 6);
            double qPower = Math.Pow(q, 8 * k);
            terms[0] = (terms[0] * qPower) + 1.0;
            terms[1] = (terms[1] * qPower) + (k1a + (k1b * m2));
            terms[2] = (terms[2] * qPower) + (k2a + (k2b * m2) + (k2c * m4));
            terms[3] = (terms[3] * qPower) + (k3a + (k3b * m2) + (k3c * m4) + (k3d * m6));
        }

        double[] divisors = [z, 6 * z4, 72 * Math.Pow(z, 7), 6480 * Math.Pow(z, 10)];
        for (int i = 0; i < 4; i++)
        {
            terms[i] = terms[i] * q * SqrtTwoPi / divisors[i];
        }

        // The remaining sums run over all integers and show little cancellation.
        double qAll = Math.Exp(-PiSquared / 2 / z2);
        double sqrt3Z = Sqrt3 * z;
        double k2Extra = 0.0;
        double k3Extra = 0.0;
        for (int k = maxK; k > 0; k--)
        {
            double k2 = (double)k * k;
            double qPower = Math.Pow(qAll, k2);
            double kPi = Math.PI * k;
            k2Extra += k2 * qPower;
            k3Extra += (sqrt3Z + kPi) * (sqrt3Z - kPi) * k2 * qPower;
        }

        terms[2] += k2Extra * (PiSquared * SqrtTwoPi / (-36 * z3));
        terms[3] += k3Extra * (PiSquared * SqrtTwoPi / (216 * z6));

        double sum = 0.0;
        for (int i = 0; i < 4; i++)
        {
            sum += terms[i] / Math.Pow(n, i / 2.0);
        }

        return sum;
    }
}
