namespace Recur.Evaluation.Anomalies;

/// <summary>
/// One stream's NAB result under one profile: the raw score and the raw scores of the null detector (no detections)
/// and the perfect one (every window detected at its start), from which <see cref="Normalised"/> follows; and the counts
/// behind precision and recall.
/// </summary>
/// <param name="Profile">The profile's name.</param>
/// <param name="Raw">Σ window scores + Σ false-positive scores.</param>
/// <param name="Null">The null detector's raw score: −FN weight per scored window.</param>
/// <param name="Perfect">The perfect detector's raw score: TP weight per scored window.</param>
/// <param name="Windows">Windows with at least one row after the probationary period.</param>
/// <param name="DetectedWindows">Windows with at least one detection.</param>
/// <param name="Detections">Detections after the probationary period.</param>
/// <param name="InWindows">Of those, detections inside a window.</param>
public sealed record NabScore(string Profile, double Raw, double Null, double Perfect, int Windows, int DetectedWindows, int Detections, int InWindows)
{
    /// <summary>100 × (raw − null) / (perfect − null): 0 for the null detector, 100 for the perfect one; NaN without windows.</summary>
    public double Normalised => NabScorer.Normalise(Raw, Null, Perfect);

    /// <summary>Detections outside every window.</summary>
    public int FalsePositives => Detections - InWindows;

    /// <summary>Several streams' scores summed (raw, null, perfect and counts), normalised together as NAB reports a corpus.</summary>
    public static NabScore Sum(string profile, IEnumerable<NabScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var all = scores.ToList();
        return new NabScore(profile, all.Sum(s => s.Raw), all.Sum(s => s.Null), all.Sum(s => s.Perfect), all.Sum(s => s.Windows),
            all.Sum(s => s.DetectedWindows), all.Sum(s => s.Detections), all.Sum(s => s.InWindows));
    }
}
