using Recur.Core.Monitoring;
using Recur.Core.Serving;

namespace Recur.Tests.Core.Monitoring;

public sealed class FeedbackClassifierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedbackRules Rules = FeedbackRules.Default; // late 7d, expire 90d, skew 5m

    private static PredictionRecord Prediction(string key = "k") => new(key, "m", 1, T0, "{}", "no", 0.2);

    private static FeedbackVerdict Classify(TimeSpan after, string? previous = null, bool logged = true, string label = "yes") =>
        FeedbackClassifier.Classify(new FeedbackRecord("k", label, T0 + after), logged ? Prediction() : null, previous, Rules);

    [Fact]
    public void Classify_FirstLabelSoonAfter_IsMatched() =>
        Assert.Equal(new FeedbackVerdict(FeedbackOutcome.Matched), Classify(TimeSpan.FromHours(1)));

    [Fact]
    public void Classify_SameLabelAgain_IsDuplicate() =>
        Assert.Equal(FeedbackOutcome.Duplicate, Classify(TimeSpan.FromHours(1), previous: "yes").Outcome);

    [Fact]
    public void Classify_DifferentLabelForALabelledKey_IsConflicting() =>
        Assert.Equal(FeedbackOutcome.Conflicting, Classify(TimeSpan.FromHours(1), previous: "no").Outcome);

    [Fact]
    public void Classify_NoLoggedPrediction_IsUnknownKey() =>
        Assert.Equal(FeedbackOutcome.UnknownKey, Classify(TimeSpan.FromHours(1), logged: false).Outcome);

    [Fact]
    public void Classify_AfterLateAfter_IsMatchedAndLate()
    {
        var verdict = Classify(TimeSpan.FromDays(8));

        Assert.Equal(FeedbackOutcome.Matched, verdict.Outcome);
        Assert.True(verdict.Late);
    }

    [Fact]
    public void Classify_JustBeforeLateAfter_IsNotLate() =>
        Assert.False(Classify(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1)).Late);

    [Fact]
    public void Classify_PastExpireAfter_IsExpired() =>
        Assert.Equal(FeedbackOutcome.Expired, Classify(TimeSpan.FromDays(91)).Outcome);

    [Fact]
    public void Classify_EarlierThanThePredictionBeyondTolerance_IsClockSkewWithItsSize()
    {
        var verdict = Classify(-TimeSpan.FromMinutes(20));

        Assert.Equal(FeedbackOutcome.Matched, verdict.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(20), verdict.Skew);
        Assert.False(verdict.Late);
    }

    [Fact]
    public void Classify_EarlierWithinTolerance_IsNotSkew() =>
        Assert.Null(Classify(-TimeSpan.FromMinutes(4)).Skew);

    [Fact]
    public void Count_ABatch_CountsEachOutcomeAndTheLargestSkew()
    {
        var predictions = new[] { "a", "b", "c", "d" }.ToDictionary(k => k, Prediction);
        FeedbackRecord Label(string key, string label, TimeSpan after) => new(key, label, T0 + after);
        var labels = new[]
        {
            Label("a", "yes", TimeSpan.FromHours(1)),      // matched
            Label("a", "yes", TimeSpan.FromHours(2)),      // duplicate
            Label("a", "no", TimeSpan.FromHours(3)),       // conflicting
            Label("b", "yes", TimeSpan.FromDays(10)),      // matched, late
            Label("c", "yes", -TimeSpan.FromHours(1)),     // matched, skew 1 h
            Label("d", "yes", -TimeSpan.FromMinutes(30)),  // matched, skew 30 min
            Label("zz", "yes", TimeSpan.Zero),             // unknown key
            Label("zz", "yes", TimeSpan.Zero),             // still unknown (not a duplicate of a joined label)
        };

        var counts = FeedbackClassifier.Count(labels, predictions, new Dictionary<string, string>(), Rules);

        Assert.Equal((8, 4, 1, 1, 2, 0), (counts.Received, counts.Matched, counts.Duplicate, counts.Conflicting, counts.UnknownKey, counts.Expired));
        Assert.Equal((1, 2, 3600.0), (counts.Late, counts.ClockSkew, counts.MaxClockSkewSeconds));
    }

    [Fact]
    public void Count_LabelAfterAnExpiredOne_IsMatchedNotDuplicate()
    {
        var predictions = new Dictionary<string, PredictionRecord> { ["k"] = Prediction() };
        var labels = new[] { new FeedbackRecord("k", "yes", T0.AddDays(100)), new FeedbackRecord("k", "yes", T0.AddDays(1)) };

        var counts = FeedbackClassifier.Count(labels, predictions, new Dictionary<string, string>(), Rules);

        Assert.Equal((1, 1, 0), (counts.Expired, counts.Matched, counts.Duplicate));
    }
}
