using System.Text.Json;
using Recur.Core;
using Recur.Evaluation.Fairness;
using Xunit;

namespace Recur.Tests.Evaluation.Fairness;

public class FairnessLensTests
{
    // Group A: 40 rows, TP 15, FN 5, FP 4, TN 16. Group B: 40 rows, TP 5, FN 5, FP 3, TN 27.
    // Group C: 10 rows, TP 5, FN 5 (too small: fewer than 30 rows).
    private static FairnessInput Table(bool withScores = false)
    {
        var labels = new List<bool>();
        var decisions = new List<bool>();
        var groups = new List<string?>();
        void Add(string group, int tp, int fn, int fp, int tn)
        {
            foreach (var (label, decision, n) in new[] { (true, true, tp), (true, false, fn), (false, true, fp), (false, false, tn) })
            {
                for (var i = 0; i < n; i++) { labels.Add(label); decisions.Add(decision); groups.Add(group); }
            }
        }
        Add("A", 15, 5, 4, 16);
        Add("B", 5, 5, 3, 27);
        Add("C", 5, 5, 0, 0);
        var scores = withScores ? decisions.Select(d => d ? 0.8 : 0.2).ToList() : null;
        return new FairnessInput(labels, decisions, scores, [new SensitiveColumn("group", groups)]);
    }

    private static GroupResult Group(FairnessReport report, string name) => report["group"].Groups.Single(g => g.Name == name);

    [Fact]
    public void Compute_HandCountedTable_GroupRatesMatch()
    {
        var report = FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 200 });

        var a = Group(report, "A").Metrics;
        Assert.Equal(40, Group(report, "A").Count);
        Assert.Equal(40.0 / 90, Group(report, "A").Share, 12);
        Assert.Equal(0.5, a["base_rate"].Value);
        Assert.Equal(19.0 / 40, a["selection_rate"].Value);
        Assert.Equal(0.75, a["tpr"].Value);
        Assert.Equal(0.2, a["fpr"].Value);
        Assert.Equal(0.25, a["fnr"].Value);
        Assert.Equal(15.0 / 19, a["precision"].Value!.Value, 12);
        Assert.Equal(31.0 / 40, a["accuracy"].Value);
        var b = Group(report, "B").Metrics;
        Assert.Equal(0.2, b["selection_rate"].Value);
        Assert.Equal(0.5, b["tpr"].Value);
        Assert.Equal(0.1, b["fpr"].Value);
        Assert.Equal(32.0 / 90, report.Overall["selection_rate"].Value!.Value, 12);
        Assert.False(a.ContainsKey("calibration"));
    }

    [Fact]
    public void Compute_HandCountedTable_GapsRatiosAndFourFifths()
    {
        var attribute = FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 200 })["group"];

        // C (10 rows) is left out of the gaps, so they are between A and B.
        Assert.Equal(0.475 - 0.2, attribute.DemographicParityGap.Value!.Value, 12);
        Assert.Equal(Math.Max(0.75 - 0.5, 0.2 - 0.1), attribute.EqualizedOddsGap.Value!.Value, 12);
        Assert.Equal(0.2 / 0.475, attribute.FourFifths.Ratio.Value!.Value, 12);
        Assert.False(attribute.FourFifths.Passes);
        Assert.Equal("B", attribute.FourFifths.Lowest);
        Assert.Equal("A", attribute.FourFifths.Highest);
        var tpr = attribute.Disparities.Single(d => d.Metric == "tpr");
        Assert.Equal(("A", "B"), (tpr.Highest, tpr.Lowest));
        Assert.Equal(0.5 / 0.75, tpr.Ratio.Value!.Value, 12);
        var toOverall = attribute.Disparities.Single(d => d.Metric == "selection_rate").Groups.Single(g => g.Group == "A");
        Assert.Equal(0.475 - (32.0 / 90), toOverall.Difference!.Value, 12);
        Assert.Equal(0.475 / (32.0 / 90), toOverall.Ratio!.Value, 12);
        Assert.InRange(attribute.DemographicParityGap.Value!.Value, attribute.DemographicParityGap.Low!.Value, attribute.DemographicParityGap.High!.Value);
    }

    [Fact]
    public void Compute_SmallGroup_NoIntervalAndAReason()
    {
        var report = FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 100 });

        var c = Group(report, "C");
        Assert.False(c.InGaps);
        Assert.Equal(0.5, c.Metrics["selection_rate"].Value);
        Assert.Null(c.Metrics["selection_rate"].Low);
        Assert.Equal("too small for an interval: 10 rows (fewer than 30)", c.Metrics["selection_rate"].Reason);
        Assert.Contains("C: too small for an interval: 10 rows", report["group"].LeftOut[0]);
        // Group C has no negative labels: FPR is undefined, and says so.
        Assert.Null(c.Metrics["fpr"].Value);
        Assert.Equal("no negative labels in the group", c.Metrics["fpr"].Reason);
    }

    [Fact]
    public void Compute_LargeGroup_IntervalAroundTheValue()
    {
        var a = Group(FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 300 }), "A").Metrics["tpr"];

        Assert.Null(a.Reason);
        Assert.InRange(a.Value!.Value, a.Low!.Value, a.High!.Value);
        Assert.True(a.High > a.Low);
    }

    [Fact]
    public void Compute_SameSeed_SameIntervals()
    {
        var first = FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 100, Seed = 7 });
        var second = FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 100, Seed = 7 });
        var other = FairnessLens.Compute(Table(), new FairnessOptions { Resamples = 100, Seed = 8 });

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.NotEqual(JsonSerializer.Serialize(first), JsonSerializer.Serialize(other));
    }

    [Fact]
    public void Compute_AnyReport_SerializesWithoutNaN()
    {
        // Plain System.Text.Json refuses NaN, so this fails if any number is NaN rather than null with a reason.
        var json = JsonSerializer.Serialize(FairnessLens.Compute(Table(withScores: true), new FairnessOptions { Resamples = 50, Intersections = true }));

        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OneGroup_ThrowsNamingTheColumn()
    {
        var input = new FairnessInput([true, false], [true, true], null, [new SensitiveColumn("sex", ["Male", "Male"])]);

        var error = Assert.Throws<RecurException>(() => FairnessLens.Compute(input));

        Assert.Contains("sensitive column 'sex' has a single group ('Male')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_ScoreOutsideUnitInterval_ThrowsNamingTheRow()
    {
        var input = new FairnessInput([true, false], [true, true], [0.5, 1.5], [new SensitiveColumn("g", ["a", "b"])]);

        var error = Assert.Throws<RecurException>(() => FairnessLens.Compute(input));

        Assert.Contains("row 2: score 1.5 is not a probability in [0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Scores_CalibrationIsMeanScoreMinusObservedRate()
    {
        var a = Group(FairnessLens.Compute(Table(withScores: true), new FairnessOptions { Resamples = 50 }), "A").Metrics;

        var meanScore = ((19 * 0.8) + (21 * 0.2)) / 40;
        Assert.Equal(meanScore, a["mean_score"].Value!.Value, 12);
        Assert.Equal(meanScore - 0.5, a["calibration"].Value!.Value, 12);
    }

    [Fact]
    public void Compute_MissingValuesAndIntersections_OwnGroupsNamedByColumn()
    {
        var labels = Enumerable.Range(0, 8).Select(i => i % 2 == 0).ToList();
        var input = new FairnessInput(labels, labels, null,
        [
            new SensitiveColumn("race", ["x", "x", "y", "y", null, "", "x", "y"]),
            new SensitiveColumn("sex", ["m", "f", "m", "f", "m", "f", "m", "f"]),
        ]);

        var report = FairnessLens.Compute(input, new FairnessOptions { Resamples = 20, Intersections = true, MinGroup = 2 });

        Assert.Equal(2, report["race"].Groups.Single(g => g.Name == FairnessLens.Missing).Count);
        var intersection = report["race & sex"];
        Assert.Equal(["race", "sex"], intersection.Columns);
        Assert.Contains(intersection.Groups, g => g.Name == "race=x & sex=m" && g.Count == 2);
        Assert.Contains(intersection.Groups, g => g.Name == "race=(missing) & sex=f" && g.Count == 1);
    }
}
