using Recur.Core;
using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class SearchSpaceCheckTests
{
    private static RecurException Fails(params ParameterSpace[] parameters) =>
        Assert.Throws<RecurException>(() => SearchSpaceCheck.Validate(new SearchSpace(parameters)));

    [Fact]
    public void Validate_LowAboveHigh_NamesTheKey()
    {
        var e = Fails(new ParameterSpace("leaves", ParameterKind.Int, 64, 8, Key: "training.search.space.lightgbm.leaves"));

        Assert.Equal(FailureKind.InvalidInput, e.Kind);
        Assert.Equal("training.search.space.lightgbm.leaves", e.Field);
        Assert.Contains("low 64 is above high 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyChoice_Fails()
    {
        var e = Fails(new ParameterSpace("trainer", ParameterKind.Choice, Choices: [], Key: "k.trainer"));

        Assert.Contains("at least one value", e.Message, StringComparison.Ordinal);
        Assert.Equal("k.trainer", e.Field);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Validate_LogRangeFromZeroOrBelow_Fails(double low)
    {
        var e = Fails(new ParameterSpace("learning_rate", ParameterKind.Real, low, 0.3, Log: true, Key: "k.learning_rate"));

        Assert.Contains("a log-scale range must be above 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateName_Fails()
    {
        var e = Fails(new ParameterSpace("trees", ParameterKind.Int, 10, 100), new ParameterSpace("trees", ParameterKind.Int, 10, 200, Key: "k.second"));

        Assert.Contains("declared twice", e.Message, StringComparison.Ordinal);
        Assert.Equal("k.second", e.Field);
    }

    [Fact]
    public void Validate_ConditionOnUnknownParameter_Fails()
    {
        var e = Fails(new ParameterSpace("leaves", ParameterKind.Int, 8, 64, When: new Condition("trainer", ["lightgbm"])));

        Assert.Contains("not a searched parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionOnLaterParameter_Fails()
    {
        var e = Fails(
            new ParameterSpace("leaves", ParameterKind.Int, 8, 64, When: new Condition("trainer", ["lightgbm"])),
            new ParameterSpace("trainer", ParameterKind.Choice, Choices: ["lightgbm", "fasttree"]));

        Assert.Contains("declared after it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionOnNonChoice_Fails()
    {
        var e = Fails(
            new ParameterSpace("trees", ParameterKind.Int, 10, 100),
            new ParameterSpace("leaves", ParameterKind.Int, 8, 64, When: new Condition("trees", ["10"])));

        Assert.Contains("not a choice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ConditionOnUnlistedValue_Fails()
    {
        var e = Fails(
            new ParameterSpace("trainer", ParameterKind.Choice, Choices: ["lightgbm", "fasttree"]),
            new ParameterSpace("leaves", ParameterKind.Int, 8, 64, When: new Condition("trainer", ["xgboost"])));

        Assert.Contains("'xgboost', which is not one of its choices", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IntRangeWithoutWholeNumber_Fails()
    {
        var e = Fails(new ParameterSpace("trees", ParameterKind.Int, 1.2, 1.8));

        Assert.Contains("no whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SoundConditionalSpace_Passes()
    {
        SearchSpaceCheck.Validate(TestSpaces.Conditional);
        SearchSpaceCheck.Validate(TestSpaces.Gbm);
    }
}
