namespace Recur.Evaluation.Anomalies;

/// <summary>
/// The Numenta Anomaly Benchmark's scoring (Lavin &amp; Ahmad 2015), written from its description. Rows are taken in
/// file order; the first 15 % (at most 750 rows) are probationary and not scored. A detection inside a labelled window
/// earns <c>TP × σ(position) / σ(−1)</c>, where position runs from −1 at the window's first row to −1/width at its
/// last, and σ(p) = 2 / (1 + e^(5p)) − 1 is NAB's scaled sigmoid; only the best (earliest) detection of a window counts,
/// and an undetected window costs −FN. A detection outside every window costs <c>FP × σ(distance)</c> with the
/// distance past the previous window's end in units of that window's width (so a late detection just after a window
/// costs little), or the full −FP when no window came before.
/// </summary>
public static class NabScorer
{
    /// <summary>Share of a stream's rows that are probationary.</summary>
    public const double ProbationShare = 0.15;

    /// <summary>The number of probationary rows of a stream: min(⌊0.15 n⌋, 0.15 × 5000).</summary>
    public static int ProbationRows(int rows) => (int)Math.Min(Math.Floor(ProbationShare * rows), ProbationShare * 5000);

    /// <summary>NAB's scaled sigmoid: 2 / (1 + e^(5p)) − 1 (≈ 0.987 at −1, 0 at 0, ≈ −0.987 at 1), and −1 beyond 3.</summary>
    public static double ScaledSigmoid(double position) => position > 3 ? -1 : 2 / (1 + Math.Exp(5 * position)) - 1;

    /// <summary>100 × (raw − null) / (perfect − null); NaN when perfect equals null (no windows).</summary>
    public static double Normalise(double raw, double nullRaw, double perfect) =>
        perfect == nullRaw ? double.NaN : 100 * (raw - nullRaw) / (perfect - nullRaw);

    /// <summary>
    /// Scores one stream: <paramref name="times"/> (ticks, file order), whether each row is a detection, and the
    /// labelled windows. A window covers the rows from the first at or after its start to the last at or before its end.
    /// </summary>
    public static NabScore Score(IReadOnlyList<long> times, IReadOnlyList<bool> detections, IReadOnlyList<AnomalyWindow> windows, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(profile);
        if (times.Count != detections.Count) throw new ArgumentException($"{times.Count} times but {detections.Count} detections", nameof(detections));
        var ranges = Ranges(times, windows);
        var probation = ProbationRows(times.Count);
        var inWindow = new int[times.Count];
        Array.Fill(inWindow, -1);
        for (var w = 0; w < ranges.Count; w++) for (var i = ranges[w].Left; i <= ranges[w].Right; i++) inWindow[i] = w;
        var best = ranges.Select(r => r.Right >= probation ? -profile.FnWeight : double.NaN).ToArray();
        var detected = new bool[ranges.Count];
        var maxTp = ScaledSigmoid(-1);
        double falsePositives = 0;
        int flagged = 0, inWindows = 0, previous = -1;
        for (var i = 0; i < times.Count; i++)
        {
            var w = inWindow[i];
            if (i >= probation && detections[i])
            {
                flagged++;
                if (w >= 0)
                {
                    inWindows++;
                    var (left, right) = ranges[w];
                    var width = right - left + 1.0;
                    best[w] = Math.Max(best[w], ScaledSigmoid(-(right - i + 1) / width) * profile.TpWeight / maxTp);
                    detected[w] = true;
                }
                else if (previous < 0)
                {
                    falsePositives -= profile.FpWeight;
                }
                else
                {
                    var (left, right) = ranges[previous];
                    var width = right - left + 1.0;
                    var distance = width > 1 ? Math.Abs(right - i) / (width - 1) : double.PositiveInfinity;
                    falsePositives += ScaledSigmoid(distance) * profile.FpWeight;
                }
            }
            if (w >= 0 && i == ranges[w].Right) previous = w;
        }
        var scored = best.Count(b => !double.IsNaN(b));
        var raw = best.Where(b => !double.IsNaN(b)).Sum() + falsePositives;
        return new NabScore(profile.Name, raw, -profile.FnWeight * scored, profile.TpWeight * scored, scored,
            detected.Count(d => d), flagged, inWindows);
    }

    // Each window's first and last row in file order; windows that cover no row are left out.
    private static List<(int Left, int Right)> Ranges(IReadOnlyList<long> times, IReadOnlyList<AnomalyWindow> windows)
    {
        var ranges = new List<(int, int)>();
        foreach (var window in windows)
        {
            int left = -1, right = -1;
            for (var i = 0; i < times.Count; i++)
            {
                if (times[i] < window.Start || times[i] > window.End) continue;
                if (left < 0) left = i;
                right = i;
            }
            if (left >= 0) ranges.Add((left, right));
        }
        return ranges;
    }
}
