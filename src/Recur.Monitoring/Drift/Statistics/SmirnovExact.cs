namespace Recur.Monitoring.Drift;

/// <summary>
/// The exact null distribution of the two-sided two-sample Kolmogorov–Smirnov statistic: the share of the
/// C(m+n, n) equally likely orderings of the pooled samples — monotone lattice paths from (0, 0) to (m, n) — whose
/// empirical CDFs come at least D apart somewhere (Hodges 1958). This is what <c>scipy.stats.ks_2samp</c> uses by
/// default when neither sample has more than 10,000 values.
/// </summary>
internal static class SmirnovExact
{
    /// <summary>The largest sample size for which scipy's default picks the exact distribution.</summary>
    internal const int MaxSize = 10_000;

    /// <summary>
    /// P(D ≥ d) for samples of sizes m and n. D only takes values h/lcm(m, n), so d is first rounded to that grid
    /// (as scipy does; the rounded value is returned as the statistic). Null when the computation is not possible.
    /// </summary>
    internal static (double Statistic, double PValue) Survival(int m, int n, double d)
    {
        long g = Gcd(m, n);
        long lcm = m / g * n;
        long h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
        double statistic = h / (double)lcm;
        if (h == 0)
        {
            return (statistic, 1.0);
        }

        double p = m == n ? OutsideSquare(m, h) : 1.0 - InsideBand(m, n, h * g);
        return (statistic, Math.Clamp(p, 0.0, 1.0));
    }

    /// <summary>
    /// Equal sizes: the paths leaving the band |x − y| &lt; h, by the reflection series
    /// 2 Σ_k (−1)^k C(2n, n − k·h)/C(2n, n), summed from the innermost term outwards so the alternating series
    /// stays accurate.
    /// </summary>
    private static double OutsideSquare(int n, long h)
    {
        double outside = 0.0;
        for (long k = n / h; k >= 0; k--)
        {
            // C(2n, n − (k+1)h)/C(2n, n) as a product of h ratios, each below one.
            double ratio = 1.0;
            for (long j = 0; j < h; j++)
            {
                ratio = (n - (k * h) - j) * ratio / (n + (k * h) + j + 1);
            }

            outside = ratio * (1.0 - outside);
        }

        return 2 * outside;
    }

    /// <summary>
    /// The share of paths staying strictly inside |n·x − m·y| &lt; width, by the column recurrence on
    /// a(x, y) = A(x, y)/C(x+y, x): a(x, y) = (x·a(x−1, y) + y·a(x, y−1))/(x + y), which stays in [0, 1].
    /// Only the band of each column is visited, so the work is about m times the band's height.
    /// </summary>
    private static double InsideBand(int m, int n, long width)
    {
        var column = new double[n + 1];

        // x = 0: straight up while m·y < width.
        for (long y = 0; y <= n && m * y < width; y++)
        {
            column[y] = 1.0;
        }

        long previousLow = 0;
        for (long x = 1; x <= m; x++)
        {
            // Allowed y: (n·x − width)/m < y < (n·x + width)/m.
            long low = Math.Max(FloorDiv((n * x) - width, m) + 1, 0);
            long high = Math.Min(CeilDiv((n * x) + width, m) - 1, n);
            for (long y = previousLow; y < Math.Min(low, n + 1); y++)
            {
                column[y] = 0.0;
            }

            for (long y = low; y <= high; y++)
            {
                double below = y > 0 ? column[y - 1] : 0.0;
                column[y] = ((x * column[y]) + (y * below)) / (x + y);
            }

            previousLow = low;
        }

        return column[n];
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
