using Recur.Core;
using Recur.Evaluation.Curves;

namespace Recur.Tests.Evaluation.Curves;

public sealed class LearningCurveFractionsTests
{
    [Theory]
    [InlineData("0,0.5,1", "fraction 0 is outside (0, 1]")]
    [InlineData("0.5,1.5", "fraction 1.5 is outside (0, 1]")]
    [InlineData("0.5,0.25,1", "fractions must increase, but 0.25 follows 0.5")]
    [InlineData("0.5,0.5", "fractions must increase, but 0.5 follows 0.5")]
    [InlineData("0.1,x", "'x' is not a number")]
    public void Parse_BadFractions_NamesTheOptionAndValue(string text, string expected)
    {
        var error = Assert.Throws<RecurException>(() => LearningCurveFractions.Parse(text, "--fractions"));

        Assert.Contains(expected, error.Message);
        Assert.StartsWith("--fractions: ", error.Message);
        Assert.Equal("--fractions", error.Field);
    }

    [Fact]
    public void Check_Empty_IsAnError()
    {
        var error = Assert.Throws<RecurException>(() => LearningCurveFractions.Check([], "evaluation.learning_curve.fractions"));

        Assert.Contains("at least one fraction", error.Message);
    }

    [Fact]
    public void NestedSubsets_EachContainsTheSmallerAndHasItsShare()
    {
        var subsets = LearningCurveFractions.NestedSubsets(1000, [0.1, 0.25, 0.5, 1], seed: 7);

        Assert.Equal([100, 250, 500, 1000], subsets.Select(s => s.Length));
        for (var i = 1; i < subsets.Count; i++) Assert.Superset(subsets[i - 1].ToHashSet(), subsets[i].ToHashSet());
        Assert.Equal(Enumerable.Range(0, 1000), subsets[^1]);
        Assert.All(subsets, s => Assert.Equal(s.Order(), s));
    }

    [Fact]
    public void NestedSubsets_SameSeed_SameRows_OtherSeed_OtherRows()
    {
        var a = LearningCurveFractions.NestedSubsets(500, [0.2, 1], seed: 42);
        var b = LearningCurveFractions.NestedSubsets(500, [0.2, 1], seed: 42);
        var c = LearningCurveFractions.NestedSubsets(500, [0.2, 1], seed: 43);

        Assert.Equal(a[0], b[0]);
        Assert.NotEqual(a[0], c[0]);
    }

    [Fact]
    public void RowsAt_TinyFraction_IsAtLeastOneRow()
    {
        Assert.Equal(1, LearningCurveFractions.RowsAt(0.001, 10));
        Assert.Equal(3, LearningCurveFractions.RowsAt(0.25, 10));
    }
}
