namespace Recur.Evaluation.Slices.Internal;

/// <summary>The standard normal distribution's upper tail, P(Z &gt; z).</summary>
internal static class NormalTail
{
    /// <summary>P(Z &gt; z) through the complementary error function, from a Chebyshev fit with a relative error below
    /// 1.2e-7 everywhere: plenty for ranking slices and for the p-values a report prints.</summary>
    public static double Upper(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
            + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
