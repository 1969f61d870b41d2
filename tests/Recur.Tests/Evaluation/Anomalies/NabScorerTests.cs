using Recur.Evaluation.Anomalies;

namespace Recur.Tests.Evaluation.Anomalies;

/// <summary>
/// NAB scoring on hand-computed cases: 100 rows one minute apart (15 probationary rows) and one window over rows 40–49
/// (width 10), standard profile (TP 1, FP 0.11, FN 1). Null raw = −1, perfect raw = 1, so normalised = 50 × (raw + 1).
/// </summary>
public sealed class NabScorerTests
{
    private static readonly long[] Times = [.. Enumerable.Range(0, 100).Select(i => i * TimeSpan.TicksPerMinute)];
    private static readonly AnomalyWindow[] Window = [new(40 * TimeSpan.TicksPerMinute, 49 * TimeSpan.TicksPerMinute)];

    private static NabScore Score(params int[] rows) => Score(NabProfile.Standard, rows);

    private static NabScore Score(NabProfile profile, params int[] rows)
    {
        var detections = new bool[Times.Length];
        foreach (var r in rows) detections[r] = true;
        return NabScorer.Score(Times, detections, Window, profile);
    }

    [Fact]
    public void Score_NoDetections_IsZero()
    {
        var s = Score();

        Assert.Equal((-1.0, -1.0, 1.0, 1, 0), (s.Raw, s.Null, s.Perfect, s.Windows, s.DetectedWindows));
        Assert.Equal(0, s.Normalised, 12);
    }

    [Fact]
    public void Score_DetectionAtWindowStart_IsPerfect()
    {
        var s = Score(40);

        Assert.Equal(1.0, s.Raw, 12);
        Assert.Equal(100, s.Normalised, 10);
        Assert.Equal((1, 1, 1, 0), (s.DetectedWindows, s.Detections, s.InWindows, s.FalsePositives));
    }

    [Fact]
    public void Score_DetectionAtWindowEnd_EarnsTheSigmoidOfMinusOneTenth()
    {
        // σ(−0.1) / σ(−1) = 0.244918… / 0.986614… = 0.248242 (σ(p) = 2 / (1 + e^(5p)) − 1).
        var s = Score(49);

        Assert.Equal(0.24824154977542992, s.Raw, 12);
        Assert.Equal(62.4120774887715, s.Normalised, 9);
    }

    [Fact]
    public void Score_SecondDetectionInWindow_DoesNotCount()
    {
        Assert.Equal(Score(40).Raw, Score(40, 45, 49).Raw, 12);
        Assert.Equal(3, Score(40, 45, 49).InWindows);
    }

    [Fact]
    public void Score_FalsePositiveBeforeAnyWindow_CostsTheFullFpWeight()
    {
        var s = Score(20);

        Assert.Equal(-1.11, s.Raw, 12);
        Assert.Equal(-5.5, s.Normalised, 10);
        Assert.Equal(1, s.FalsePositives);
    }

    [Fact]
    public void Score_FalsePositiveFarAfterWindow_CostsTheFullFpWeight()
    {
        // 50 rows past the end, in units of width − 1 = 9: 5.6 > 3, so σ = −1.
        Assert.Equal(-1.11, Score(99).Raw, 12);
    }

    [Fact]
    public void Score_FalsePositiveJustAfterWindow_CostsLittle()
    {
        // One row past the end: σ(1/9) × 0.11 = −0.029793.
        Assert.Equal(-1.029793183036839, Score(50).Raw, 12);
    }

    [Fact]
    public void Score_DetectionInProbation_IsIgnored()
    {
        var s = Score(3);

        Assert.Equal((0, -1.0), (s.Detections, s.Raw));
    }

    [Fact]
    public void Score_LowFnProfile_DoublesTheMissCost()
    {
        var lowFn = NabProfile.Published.Single(p => p.Name == "reward_low_FN_rate");

        var s = Score(lowFn, 20);

        Assert.Equal((-2.11, -2.0, 1.0), (Math.Round(s.Raw, 12), s.Null, s.Perfect));
        Assert.Equal(100 * -0.11 / 3, s.Normalised, 10);
    }

    [Fact]
    public void ProbationRows_LongStream_IsCappedAt750()
    {
        Assert.Equal((15, 750, 750), (NabScorer.ProbationRows(100), NabScorer.ProbationRows(5000), NabScorer.ProbationRows(22695)));
    }

    [Fact]
    public void Sum_TwoStreams_NormalisesTheTotals()
    {
        var total = NabScore.Sum("standard", [Score(40), Score()]);

        Assert.Equal(50, total.Normalised, 10);
    }

    [Fact]
    public void Read_NabProfilesFile_ReadsTheThreeProfiles()
    {
        var profiles = NabProfile.Read(TestData.Path("..", "examples-nab", "config", "profiles.json"));

        Assert.Equal(NabProfile.Published, profiles);
    }
}
