using Recur.Core;
using Recur.Core.Registry;
using Recur.Evaluation.Decisions;
using Xunit;

namespace Recur.Tests.Evaluation.Decisions;

public class ThresholdSearchTests
{
    // Scores high to low with their labels: 0.9+, 0.8+, 0.7-, 0.6+, 0.4-, 0.3-, 0.2+, 0.1-.
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
    private static readonly bool[] Labels = [true, true, false, true, false, false, true, false];

    [Fact]
    public void Choose_ExpensiveMisses_LowersTheThresholdToCatchEveryPositive()
    {
        // A missed positive costs 5, a false alarm 1: catching the last positive (at 0.2) costs 3 false alarms but saves 5.
        var values = ThresholdObjective.Values(new Dictionary<string, double>(), [[0, 1], [5, 0]])!;

        var choice = ThresholdSearch.Choose(Scores, Labels, ThresholdObjective.ExpectedValue, values);

        Assert.Equal(0.2, choice.Chosen.Threshold);
        Assert.Equal(1.0, choice.Chosen.Recall);
        Assert.Equal(-3.0 / 8, choice.Chosen.ValuePerDecision, 12);
    }

    [Fact]
    public void Choose_CheapMisses_KeepsTheThresholdHigh()
    {
        var values = new OutcomeValues(0, -5, 0, -1);

        var choice = ThresholdSearch.Choose(Scores, Labels, ThresholdObjective.ExpectedValue, values);

        Assert.Equal(0.8, choice.Chosen.Threshold);
        Assert.Equal(-2.0 / 8, choice.Chosen.ValuePerDecision, 12);
    }

    [Fact]
    public void Choose_PrecisionFloor_TakesTheHighestRecallThatKeepsIt()
    {
        var choice = ThresholdSearch.Choose(Scores, Labels, ThresholdObjective.Parse("precision >= 0.75", "x"), null);

        Assert.Equal(0.6, choice.Chosen.Threshold);
        Assert.Equal(0.75, choice.Chosen.Recall);
        Assert.Equal(0.75, choice.Chosen.Precision);
    }

    [Fact]
    public void Choose_UnreachablePrecision_SaysTheHighestReachable()
    {
        var error = Assert.Throws<RecurException>(() => ThresholdSearch.Choose([0.9, 0.8], [false, true], ThresholdObjective.Parse("precision >= 0.9", "x"), null));
        Assert.Contains("the highest is 0.5", error.Message);
    }

    [Fact]
    public void ValueAt_SameSeed_SameIntervalAroundTheValue()
    {
        var values = new OutcomeValues(1, -1, 0, -2);
        var a = ThresholdSearch.ValueAt(Scores, Labels, 0.5, values, seed: 9);
        var b = ThresholdSearch.ValueAt(Scores, Labels, 0.5, values, seed: 9);

        Assert.Equal(a, b);
        Assert.Equal((3 - 1 - 2) / 8.0, a.Value, 12);
        Assert.InRange(a.Value, a.Low, a.High);
    }

    [Theory]
    [InlineData("precision >= 1.5", "the floor '1.5' must be a number in (0, 1]")]
    [InlineData("f1 >= 0.5", "only precision or recall can have a floor")]
    [InlineData("maximise profit", "is not an objective")]
    public void Parse_BadObjective_SaysWhatIsWrong(string text, string expected)
    {
        var error = Assert.Throws<RecurException>(() => ThresholdObjective.Parse(text, "decision.objective"));
        Assert.Contains(expected, error.Message);
        Assert.Equal("decision.objective", error.Field);
    }

    [Fact]
    public void Values_CostMatrixOfWrongShape_NamesTheShape()
    {
        var error = Assert.Throws<RecurException>(() => ThresholdObjective.Values(new Dictionary<string, double>(), [[0, 1, 2], [5, 0, 1], [1, 1, 0]]));
        Assert.Contains("2 rows of 2 costs", error.Message);
        Assert.Contains("3 row(s) of [3, 3, 3]", error.Message);
    }

    [Fact]
    public void Values_UnknownOutcome_IsRejected()
    {
        var error = Assert.Throws<RecurException>(() => ThresholdObjective.Values(new Dictionary<string, double> { ["tp"] = 1, ["win"] = 3 }, []));
        Assert.Contains("'win' is not an outcome", error.Message);
    }
}
