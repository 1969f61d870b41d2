using Recur.Features.Transforms;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features.Transforms;

/// <summary>standardize, minmax, log, clip and bucketize on small tables worked out by hand.</summary>
public sealed class NumericTransformsTests
{
    [Fact]
    public void StandardizeFit_SmallColumn_LearnsMeanAndPopulationStdIgnoringMissing()
    {
        var fitted = Fit<Standardize.Fitted>("standardize", Real("x", 1, 2, 3, 4, double.NaN));

        Assert.Equal(2.5, fitted.Mean);
        Assert.Equal(Math.Sqrt(1.25), fitted.Std);
    }

    [Fact]
    public void StandardizeApply_ValuesAndMissing_ScalesAndKeepsMissing()
    {
        var fitted = Fit<Standardize.Fitted>("standardize", Real("x", 1, 2, 3, 4));

        var values = Numbers(fitted, Real("x", 1, 2.5, double.NaN, 10));

        Assert.Equal(-1.5 / Math.Sqrt(1.25), values[0]);
        Assert.Equal(0, values[1]);
        Assert.True(double.IsNaN(values[2]));
        Assert.Equal(7.5 / Math.Sqrt(1.25), values[3]);
    }

    [Fact]
    public void StandardizeApply_ConstantColumn_GivesZero()
    {
        var fitted = Fit<Standardize.Fitted>("standardize", Real("x", 3, 3, 3));

        Assert.Equal(new[] { 0.0, 0.0 }, Numbers(fitted, Real("x", 3, 8)));
    }

    [Fact]
    public void MinMaxFit_SmallColumn_LearnsRangeAndMapsOutsideValuesBeyondUnit()
    {
        var fitted = Fit<MinMax.Fitted>("minmax", Real("x", 4, 2, double.NaN, 6));

        Assert.Equal(2, fitted.Min);
        Assert.Equal(6, fitted.Max);
        Assert.Equal(new[] { 0, 0.5, 1, 2, -0.5 }, Numbers(fitted, Real("x", 2, 4, 6, 10, 0)));
    }

    [Fact]
    public void LogApply_DefaultOffset_AddsOneAndMakesNonPositiveSumsMissing()
    {
        var fitted = Fit<LogTransform.Fitted>("log", Real("x", 0));

        var values = Numbers(fitted, Real("x", 0, Math.E - 1, -1, -2, double.NaN));

        Assert.Equal(1, fitted.Offset);
        Assert.Equal(0, values[0]);
        Assert.Equal(1, values[1], 12);
        Assert.All(values[2..], v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void LogApply_GivenOffset_UsesIt()
    {
        var fitted = Fit<LogTransform.Fitted>("log", Real("x", 0), ("offset", "2"));

        var values = Numbers(fitted, Real("x", -1.5, -2, 0));

        Assert.Equal(2, fitted.Offset);
        Assert.Equal(Math.Log(0.5), values[0]);
        Assert.True(double.IsNaN(values[1]));
        Assert.Equal(Math.Log(2), values[2]);
    }

    [Fact]
    public void ClipFit_DefaultQuantiles_BoundsAtFirstAndNinetyNinthPercentiles()
    {
        // 1..101: the 0.01 quantile sits at position 1 (value 2), the 0.99 quantile at position 99 (value 100).
        var fitted = Fit<Clip.Fitted>("clip", Real("x", [.. Enumerable.Range(1, 101).Select(i => (double)i)]));

        Assert.Equal(2, fitted.Low);
        Assert.Equal(100, fitted.High);
        Assert.Equal(new double[] { 2, 50, 100 }, Numbers(fitted, Real("x", -7, 50, 1000)));
    }

    [Fact]
    public void ClipFit_InterpolatedQuantiles_InterpolatesLinearly()
    {
        // 0, 10, 20, 30: the 0.5 quantile is at position 1.5 -> 15; 0.1 at position 0.3 -> 3.
        var fitted = Fit<Clip.Fitted>("clip", Real("x", 30, 0, 20, 10), ("lower_quantile", "0.1"), ("upper_quantile", "0.5"));

        Assert.Equal(3, fitted.Low, 12);
        Assert.Equal(15, fitted.High);
    }

    [Fact]
    public void ClipFit_GivenBounds_UsesThemAndKeepsMissing()
    {
        var fitted = Fit<Clip.Fitted>("clip", Real("x", 1, 2, 3), ("min", "0"), ("max", "10"));

        var values = Numbers(fitted, Real("x", -5, 5, 50, double.NaN));

        Assert.Equal(new double[] { 0, 5, 10 }, values[..3]);
        Assert.True(double.IsNaN(values[3]));
    }

    [Fact]
    public void ClipFit_MinAboveMax_Throws()
    {
        Assert.Throws<Recur.Core.RecurException>(() => Fit<Clip.Fitted>("clip", Real("x", 1, 2), ("min", "5"), ("max", "1")));
    }

    [Fact]
    public void BucketizeFit_Quantiles_LearnsInterpolatedEdges()
    {
        // 1..8 in 4 buckets: positions 1.75, 3.5 and 5.25 of the sorted values.
        var fitted = Fit<Bucketize.Fitted>("bucketize", Real("x", 8, 7, 6, 5, 4, 3, 2, 1, double.NaN), ("buckets", "4"));

        Assert.Equal(new[] { 2.75, 4.5, 6.25 }, fitted.Edges);
    }

    [Fact]
    public void BucketizeFit_RepeatedValues_KeepsDistinctEdges()
    {
        var fitted = Fit<Bucketize.Fitted>("bucketize", Real("x", 1, 1, 1, 1, 1, 1, 2), ("buckets", "4"));

        Assert.Equal(fitted.Edges.Distinct(), fitted.Edges);
    }

    [Fact]
    public void BucketizeApply_GivenEdges_BucketHoldsItsLowerEdge()
    {
        var fitted = Fit<Bucketize.Fitted>("bucketize", Real("x", 1), ("edges", "0, 10, 20"));

        var values = Numbers(fitted, Real("x", -1, 0, 5, 10, 19.999, 20, 1e9, double.NaN));

        Assert.Equal(new double[] { 0, 1, 1, 2, 2, 3, 3 }, values[..7]);
        Assert.True(double.IsNaN(values[7]));
    }
}
