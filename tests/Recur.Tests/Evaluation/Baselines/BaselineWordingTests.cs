using Recur.Evaluation.Baselines;
using Recur.Registry.Gates;

namespace Recur.Tests.Evaluation.Baselines;

public sealed class BaselineWordingTests
{
    [Fact]
    public void Compare_LowerRmse_SaysPercentBelow()
    {
        Assert.Equal("the model's RMSE is 72 % below predicting the median", BaselineWording.Compare("rmse", 2.8, 10, "predicting the median"));
    }

    [Fact]
    public void Compare_HigherAccuracy_SaysAbsoluteDifferenceAbove()
    {
        Assert.Equal("the model's accuracy is 0.31 above the majority class", BaselineWording.Compare("accuracy", 0.81, 0.5, "the majority class"));
    }

    [Fact]
    public void Compare_EqualValues_SaysTheSame()
    {
        Assert.Equal("the model's log loss is the same as the class prior", BaselineWording.Compare("log_loss", 0.7, 0.7, "the class prior"));
    }

    [Theory]
    [InlineData("rmse")]
    [InlineData("val_mae")]
    [InlineData("log_loss")]
    [InlineData("brier")]
    [InlineData("auc")]
    [InlineData("r2")]
    [InlineData("macro_f1")]
    public void Compare_AnyMetric_RelativeExactlyWhenRegistryCallsItLowerIsBetter(string metric)
    {
        // Evaluation keeps its own copy of the direction rule; this keeps the two in step.
        var relative = BaselineWording.Compare(metric, 1, 2, "x").Contains('%', StringComparison.Ordinal);

        Assert.Equal(MetricDirection.LowerIsBetter(metric), relative);
    }
}

public class BaselineWordingErrorsTests
{
    [Theory]
    [InlineData(0.85, 0.76, "the model avoids 37.5 % of the errors of always predicting 'no'")]
    [InlineData(0.70, 0.76, "the model makes 25 % more errors than always predicting 'no'")]
    public void ErrorsAvoided_ModelAndBaselineAccuracy_SaysShareOfErrors(double model, double baseline, string expected) =>
        Assert.Equal(expected, Recur.Evaluation.Baselines.BaselineWording.ErrorsAvoided(model, baseline, "always predicting 'no'"));
}
