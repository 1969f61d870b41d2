using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Features.Windows;

namespace Recur.Pipeline.Anomalies;

/// <summary>Settings of the <see cref="ZScoreDetector"/>.</summary>
/// <param name="Over">The trailing window the value is compared with.</param>
/// <param name="Threshold">Smallest |z| that is a detection.</param>
/// <param name="Cooldown">After a detection, no other within this time (a time length).</param>
public sealed record ZScoreDetectorOptions(string Over = "1d", double Threshold = 4.0, string Cooldown = "1d");

/// <summary>
/// An anomaly detector built on the window features: a row is a detection when its value lies at least
/// <see cref="ZScoreDetectorOptions.Threshold"/> standard deviations from the mean of its trailing window (the
/// <c>zscore</c> aggregate, which never includes the row itself), and no detection came within the cooldown before it.
/// Rows are visited in the drivers' order (by time, ties by row), so it runs the same on a file and on a live stream.
/// </summary>
public static class ZScoreDetector
{
    /// <summary>Whether each row (in table order) is a detection; also the z-scores.</summary>
    public static (bool[] Detections, double[] Scores) Detect(DataTable stream, string time, string value, ZScoreDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var plan = WindowPlan.Compile(new WindowsConfig
        {
            Time = time,
            Features = [new WindowFeatureConfig { Name = "__z", Column = value, Agg = "zscore", Over = options.Over }],
        }, "--over");
        var cooldown = WindowSize.Parse(options.Cooldown, "--cooldown");
        if (!cooldown.IsTime) throw Core.RecurException.Invalid($"--cooldown: '{options.Cooldown}' must be a time (e.g. 1d)", "--cooldown");
        if (!(options.Threshold > 0)) throw Core.RecurException.Invalid($"--threshold must be positive, not {options.Threshold}", "--threshold");
        var z = BatchWindows.Compute(stream, plan)[0];
        var times = WindowTime.Of(stream[time]);
        var detections = new bool[z.Length];
        var last = long.MinValue;
        foreach (var row in BatchWindows.Order(times))
        {
            if (!(Math.Abs(z[row]) >= options.Threshold)) continue;
            if (last != long.MinValue && times[row] - last < cooldown.Amount) continue;
            detections[row] = true;
            last = times[row];
        }
        return (detections, z);
    }
}
