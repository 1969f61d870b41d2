namespace Recur.Tuning.Internal;

/// <summary>The standard normal distribution function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7).</summary>
internal static class NormalMath
{
    public static double Cdf(double z) => 0.5 * (1.0 + Erf(z / Math.Sqrt(2.0)));

    private static double Erf(double x)
    {
        var sign = Math.Sign(x);
        x = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.3275911 * x);
        var y = 1.0 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return sign * y;
    }
}
