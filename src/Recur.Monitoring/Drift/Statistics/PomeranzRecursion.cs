namespace Recur.Monitoring.Drift;

/// <summary>
/// Pomeranz (1974) recursion for P(D_n ≤ d), ported from scipy's <c>_kolmogn_Pomeranz</c>.
/// Each of the 2n+1 steps convolves the previous row with a Poisson-like kernel; only a short
/// contiguous window of each row can be non-zero, so two windows are kept and swapped.
/// </summary>
internal static class PomeranzRecursion
{
    private const int ScaleExponent = 128;
    private static readonly double ScaleUp = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double ScaleDown = Math.ScaleB(1.0, -ScaleExponent);

    internal static double Cdf(int n, double x)
    {
        double t = n * x;
        int floorT = (int)Math.Floor(t);
        double fraction = t - floorT;
        double g = Math.Min(fraction, 1.0 - fraction);
        var window = new Window(floorT, fraction > 0 ? 1 : 0, fraction > 0.5 ? 1 : 0, n);

        int powerCount = 2 * (floorT + 1);
        double[] gPowers = ScaledPowers(g / n, powerCount);
        double[] twoGPowers = ScaledPowers(2 * g / n, powerCount);
        double[] oneMinusTwoGPowers = ScaledPowers((1 - (2 * g)) / n, powerCount);

        var previous = new double[powerCount];
        var current = new double[powerCount];
        current[0] = 1;
        int previousStart = 0;
        int currentStart = 0;
        int exponent = 0;

        (int j1, int j2) = window.Bounds(0);
        for (int i = 1; i < (2 * n) + 2; i++)
        {
            int k1 = j1;
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
            Array.Clear(current);
            (j1, j2) = window.Bounds(i);
            double[] kernel = i == 1 || i == (2 * n) + 1 ? gPowers
                : i % 2 == 1 ? twoGPowers : oneMinusTwoGPowers;

            int length = j2 - k1 + 1;
            if (length <= 0)
            {
                continue;
            }

            int offset = k1 - previousStart;
            for (int output = 0; output < j2 - j1 + 1; output++)
            {
                current[output] = ConvolutionAt(previous, offset, length, kernel, j1 - k1 + output);
            }

            double largest = current.Max();
            if (largest > 0 && largest < ScaleDown)
            {
                for (int c = 0; c < current.Length; c++)
                {
                    current[c] *= ScaleUp;
                }

                exponent -= ScaleExponent;
            }

            currentStart = previousStart + j1 - k1;
        }

        double answer = current[n - currentStart];
        for (int m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > ScaleUp)
            {
                answer *= ScaleDown;
                exponent += ScaleExponent;
            }

            answer *= m;
        }

        return Math.ScaleB(answer, exponent);
    }

    /// <summary>(step)^m / m! for m = 0..count−1: Poisson probabilities without the normaliser.</summary>
    private static double[] ScaledPowers(double step, int count)
    {
        var powers = new double[count];
        powers[0] = 1.0;
        for (int m = 1; m < count; m++)
        {
            powers[m] = powers[m - 1] * step / m;
        }

        return powers;
    }

    /// <summary>
    /// Entry <paramref name="index"/> of the full convolution of
    /// row[offset .. offset+length) with kernel[0 .. length); reads past either array count as zero,
    /// matching numpy's truncating slices.
    /// </summary>
    private static double ConvolutionAt(double[] row, int offset, int length, double[] kernel, int index)
    {
        double sum = 0.0;
        int rowLength = Math.Min(length, row.Length - offset);
        int kernelLength = Math.Min(length, kernel.Length);
        for (int r = Math.Max(0, index - kernelLength + 1); r <= Math.Min(index, rowLength - 1); r++)
        {
            sum += row[offset + r] * kernel[index - r];
        }

        return sum;
    }

    /// <summary>Range of row entries that can be non-zero at each step of the recursion.</summary>
    private readonly record struct Window(int FloorT, int CeilFraction, int RoundFraction, int N)
    {
        public (int J1, int J2) Bounds(int i)
        {
            int j1;
            int j2;
            if (i == 0)
            {
                j1 = -FloorT - CeilFraction - 1;
                j2 = FloorT + CeilFraction - 1;
            }
            else if ((i + 1) % 2 == 0)
            {
                int half = (i + 1) / 2;
                (j1, j2) = half == N + 1
                    ? (N - FloorT - CeilFraction - 1, N + FloorT + CeilFraction - 1)
                    : (half - 1 - FloorT - RoundFraction - 1, half + FloorT - 1 + CeilFraction - 1);
            }
            else
            {
                int half = (i + 1) / 2;
                (j1, j2) = (half - 1 - FloorT - 1, half + FloorT + RoundFraction - 1);
            }

            return (Math.Max(j1 + 2, 0), Math.Min(j2, N));
        }
    }
}
