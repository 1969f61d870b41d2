using Recur.Registry.Gates;

namespace Recur.Tests.Registry.Gates;

public sealed class MetricDirectionTests
{
    [Theory]
    [InlineData("rmse")]
    [InlineData("mae")]
    [InlineData("median_absolute_error")]
    [InlineData("mape")]
    [InlineData("log_loss")]
    [InlineData("brier")]
    [InlineData("val_rmse")]
    [InlineData("baseline_log_loss")]
    [InlineData("RMSE")]
    public void LowerIsBetter_ErrorMetric_True(string metric) => Assert.True(MetricDirection.LowerIsBetter(metric));

    [Theory]
    [InlineData("auc")]
    [InlineData("accuracy")]
    [InlineData("r2")]
    [InlineData("macro_f1")]
    [InlineData("gamae")]
    [InlineData("rmse_low")]
    public void LowerIsBetter_OtherMetric_False(string metric) => Assert.False(MetricDirection.LowerIsBetter(metric));
}
