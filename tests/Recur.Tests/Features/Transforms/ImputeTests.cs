using Recur.Core.Data;
using Recur.Features.Transforms;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features.Transforms;

/// <summary>impute: the fill value of each strategy and the NAME:missing indicator.</summary>
public sealed class ImputeTests
{
    private static readonly NumericColumn Gaps = Real("x", 1, double.NaN, 5, 6);

    [Theory]
    [InlineData("mean", 4.0)]
    [InlineData("median", 5.0)]
    [InlineData("zero", 0.0)]
    public void Fit_NumericStrategy_LearnsFillValue(string strategy, double expected)
    {
        var fitted = Fit<Impute.Fitted>("impute", Gaps, ("strategy", strategy));

        Assert.Equal(expected, fitted.Number);
        Assert.Equal(new[] { 1, expected, 5, 6 }, Numbers(fitted, Gaps));
    }

    [Fact]
    public void Fit_ConstantWithValue_FillsThatValue()
    {
        var fitted = Fit<Impute.Fitted>("impute", Gaps, ("strategy", "constant"), ("value", "7.5"));

        Assert.Equal(new[] { 1, 7.5, 5, 6 }, Numbers(fitted, Gaps));
    }

    [Fact]
    public void Fit_ConstantWordOnTextColumn_FillsTheWord()
    {
        var column = Text("colour", "red", null, "blue");

        var fitted = Fit<Impute.Fitted>("impute", column, ("strategy", "constant"), ("value", "not given"));

        Assert.Equal(new string?[] { "red", "not given", "blue" }, ((TextColumn)fitted.Apply([column])[0]).Values);
    }

    [Fact]
    public void Fit_ConstantWordOnNumericColumn_ThrowsNamingValue()
    {
        var e = Assert.Throws<Recur.Core.RecurException>(() => Fit<Impute.Fitted>("impute", Gaps, ("strategy", "constant"), ("value", "none")));

        Assert.EndsWith(".value", e.Field, StringComparison.Ordinal);
        Assert.Contains("'none' is not a number", e.Message);
    }

    [Fact]
    public void Fit_ConstantWithoutValue_Throws()
    {
        var e = Assert.Throws<Recur.Core.RecurException>(() => Fit<Impute.Fitted>("impute", Gaps, ("strategy", "constant")));

        Assert.Contains("params.value", e.Message);
    }

    [Fact]
    public void Apply_DefaultIndicator_AddsMissingColumnWithOnesWhereMissing()
    {
        var fitted = Fit<Impute.Fitted>("impute", Gaps);

        var outputs = fitted.Apply([Gaps]);

        Assert.Equal(["x", "x:missing"], fitted.Outputs().Select(o => o.Name));
        Assert.Equal("x:missing", outputs[1].Name);
        Assert.Equal(new double[] { 0, 1, 0, 0 }, ((NumericColumn)outputs[1]).Values);
    }

    [Fact]
    public void Apply_IndicatorOff_WritesOnlyTheFilledColumn()
    {
        var fitted = Fit<Impute.Fitted>("impute", Gaps, ("indicator", "false"));

        Assert.Single(fitted.Apply([Gaps]));
        Assert.Single(fitted.Outputs());
    }

    [Fact]
    public void Fit_TextMostFrequent_FillsCommonestValueTiesByOrdinalOrder()
    {
        var column = Text("c", "b", "a", null, "b", "a", "c");

        var fitted = Fit<Impute.Fitted>("impute", column, ("strategy", "most_frequent"));
        var outputs = fitted.Apply([column]);

        Assert.Equal("a", fitted.Text);
        Assert.Equal(new string?[] { "b", "a", "a", "b", "a", "c" }, ((TextColumn)outputs[0]).Values);
        Assert.Equal(new double[] { 0, 0, 1, 0, 0, 0 }, ((NumericColumn)outputs[1]).Values);
    }

    [Fact]
    public void Fit_TextMean_ThrowsNamingTheColumn()
    {
        var e = Assert.Throws<Recur.Core.RecurException>(() => Fit<Impute.Fitted>("impute", Text("c", "a", null), ("strategy", "mean")));

        Assert.Equal("c", e.Field);
    }
}
