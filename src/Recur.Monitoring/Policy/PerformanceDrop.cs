using System.Globalization;

namespace Recur.Monitoring.Policy;

/// <summary>
/// The rule shared by the live and the estimated drop triggers: the metric dropped when its whole interval lies on
/// the worse side of the champion's evaluation value by more than the tolerance, so a noisy window never fires.
/// </summary>
public static class PerformanceDrop
{
    /// <summary>Judges <paramref name="now"/> against <paramref name="reference"/> (the evaluation value).</summary>
    public static (bool Dropped, string Why, Dictionary<string, double> Numbers) Judge(
        MetricInterval now, MetricInterval reference, bool lowerIsBetter, double tolerance, int minRows, string source)
    {
        var numbers = new Dictionary<string, double>
        {
            [$"{source}"] = now.Value, [$"{source}_low"] = now.Low, [$"{source}_high"] = now.High, [$"{source}_rows"] = now.Rows,
            ["evaluation"] = reference.Value, ["evaluation_low"] = reference.Low, ["evaluation_high"] = reference.High, ["tolerance"] = tolerance,
        };
        var shown = $"{source} {now.Metric} {F(now.Value)} [{F(now.Low)}, {F(now.High)}] on {now.Rows} rows vs evaluation {F(reference.Value)}";
        if (now.Rows < minRows) return (false, $"{shown}: too few rows to judge (needs {minRows})", numbers);
        var dropped = lowerIsBetter ? now.Low > reference.Value + tolerance : now.High < reference.Value - tolerance;
        return (dropped, dropped
            ? $"{shown}: worse beyond the interval (tolerance {F(tolerance)})"
            : $"{shown}: within the interval or the tolerance", numbers);
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
