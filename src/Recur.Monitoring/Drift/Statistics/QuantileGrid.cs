namespace Recur.Monitoring.Drift;

/// <summary>
/// A reference distribution known only by an evenly spaced quantile grid q_0 … q_G (q_i at level i/G).
/// Between grid points the quantile function, and so the CDF, is taken as linear; a run of equal grid
/// values is a point mass, where the CDF jumps.
/// </summary>
/// <remarks>
/// Against the reference's empirical CDF the error is at most 1/G (the true CDF and the interpolated one
/// both stay within one grid step between neighbouring points) plus at most 1/n, the gap between numpy's
/// "linear" quantiles, from which the grid is read, and the step function of n raw values.
/// </remarks>
internal sealed class QuantileGrid
{
    private readonly double[] _quantiles;

    /// <exception cref="ArgumentException">Fewer than two quantiles, a NaN, or a decreasing pair.</exception>
    internal QuantileGrid(IReadOnlyList<double> quantiles, string parameterName)
    {
        if (quantiles.Count < 2)
        {
            throw new ArgumentException("A quantile grid needs at least two quantiles (the minimum and the maximum).", parameterName);
        }

        _quantiles = [.. quantiles];
        for (int i = 0; i < _quantiles.Length; i++)
        {
            if (double.IsNaN(_quantiles[i]) || (i > 0 && _quantiles[i] < _quantiles[i - 1]))
            {
                throw new ArgumentException("Quantiles must be ascending numbers.", parameterName);
            }
        }
    }

    /// <summary>G, the number of intervals between grid points.</summary>
    internal int Intervals => _quantiles.Length - 1;

    /// <summary>The grid point at index i (level i/G).</summary>
    internal double this[int index] => _quantiles[index];

    /// <summary>F(x) = P(X ≤ x), right-continuous.</summary>
    internal double AtOrBelow(double x)
    {
        if (x < _quantiles[0])
        {
            return 0.0;
        }

        if (x >= _quantiles[^1])
        {
            return 1.0;
        }

        // The last grid point ≤ x, so a point mass at x is counted whole.
        int upper = UpperBound(x);
        return Level(upper - 1, x);
    }

    /// <summary>F(x−) = P(X &lt; x), the left limit.</summary>
    internal double Below(double x)
    {
        if (x <= _quantiles[0])
        {
            return 0.0;
        }

        if (x > _quantiles[^1])
        {
            return 1.0;
        }

        // The first grid point ≥ x, so a point mass at x is left out.
        int lower = LowerBound(x);
        return Level(lower - 1, x);
    }

    // Linear within the cell [q_i, q_{i+1}] holding x; an infinite cell has no slope and counts as a step.
    private double Level(int cell, double x)
    {
        double left = _quantiles[cell];
        double right = _quantiles[cell + 1];
        double fraction = (x - left) / (right - left);
        if (!double.IsFinite(fraction))
        {
            fraction = 0.0;
        }

        return (cell + Math.Clamp(fraction, 0.0, 1.0)) / Intervals;
    }

    private int UpperBound(double x)
    {
        int low = 0;
        int high = _quantiles.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_quantiles[middle] <= x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private int LowerBound(double x)
    {
        int low = 0;
        int high = _quantiles.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_quantiles[middle] < x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
