namespace Recur.Monitoring.Drift;

/// <summary>
/// Durbin's matrix algorithm for P(D_n ≤ d) in the Marsaglia–Tsang–Wang (2003) formulation,
/// ported from scipy's <c>_kolmogn_DMTW</c>. Cost is O(m³ log n) with m = 2⌈nd⌉ − 1, so the
/// caller only routes small m here.
/// </summary>
internal static class DurbinMatrix
{
    private const int ScaleExponent = 128;
    private static readonly double ScaleUp = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double ScaleDown = Math.ScaleB(1.0, -ScaleExponent);

    internal static double Cdf(int n, double d)
    {
        if (d >= 1.0)
        {
            return 1.0;
        }

        double nd = n * d;
        if (nd <= 0.5)
        {
            return 0.0;
        }

        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = (2 * k) - 1;
        double[] matrix = InitialMatrix(h, m);

        // Square-and-multiply, tracking a power-of-two exponent because H^n overflows quickly.
        double[] power = Identity(m);
        int powerExponent = 0;
        int matrixExponent = 0;
        int remaining = n;
        while (remaining > 0)
        {
            if (remaining % 2 == 1)
            {
                power = Multiply(power, matrix, m);
                powerExponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix, m);
            matrixExponent *= 2;
            int diagonal = ((k - 1) * m) + (k - 1);
            if (Math.Abs(matrix[diagonal]) > ScaleUp)
            {
                for (int i = 0; i < matrix.Length; i++)
                {
                    matrix[i] /= ScaleUp;
                }

                matrixExponent += ScaleExponent;
            }

            remaining /= 2;
        }

        double p = power[((k - 1) * m) + (k - 1)];
        for (int i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < ScaleDown)
            {
                p *= ScaleUp;
                powerExponent -= ScaleExponent;
            }
        }

        return Math.ScaleB(p, powerExponent);
    }

    /// <summary>The m×m matrix H of Marsaglia–Tsang–Wang, row-major.</summary>
    private static double[] InitialMatrix(double h, int m)
    {
        var firstColumn = new double[m];
        var inverseFactorials = new double[m];
        double factorial = 1.0;
        for (int j = 1; j <= m; j++)
        {
            inverseFactorials[j - 1] = factorial;
            factorial /= j; // may underflow harmlessly for large m
            firstColumn[j - 1] = (1.0 - Math.Pow(h, j)) * factorial;
        }

        double correction = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        firstColumn[m - 1] = (1.0 + correction) * factorial;

        var matrix = new double[m * m];
        for (int column = 1; column < m; column++)
        {
            for (int row = column - 1; row < m; row++)
            {
                matrix[(row * m) + column] = inverseFactorials[row - column + 1];
            }
        }

        for (int row = 0; row < m; row++)
        {
            matrix[row * m] = firstColumn[row];
        }

        for (int column = 0; column < m; column++)
        {
            matrix[((m - 1) * m) + column] = firstColumn[m - 1 - column];
        }

        return matrix;
    }

    private static double[] Identity(int m)
    {
        var identity = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            identity[(i * m) + i] = 1.0;
        }

        return identity;
    }

    private static double[] Multiply(double[] left, double[] right, int m)
    {
        var product = new double[m * m];
        for (int row = 0; row < m; row++)
        {
            for (int inner = 0; inner < m; inner++)
            {
                double factor = left[(row * m) + inner];
                if (factor == 0.0)
                {
                    continue;
                }

                for (int column = 0; column < m; column++)
                {
                    product[(row * m) + column] += factor * right[(inner * m) + column];
                }
            }
        }

        return product;
    }
}
