using System.Text.Json;
using Recur.Evaluation.Metrics;

namespace Recur.Tests.Evaluation.Metrics;

public sealed class RegressionMetricsTests
{
    public static TheoryData<string> Cases() => TaskGolden.Names("regression");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_GoldenCase_MatchesScikitLearn(string name)
    {
        var golden = TaskGolden.Case("regression", name);
        var actual = golden.GetProperty("actual").Doubles();

        var metrics = RegressionMetrics.Evaluate(golden.GetProperty("predicted").Doubles(), actual, seed: 7);

        foreach (var key in new[] { "rmse", "mae", "r2", "median_absolute_error" })
        {
            TaskGolden.AssertClose(golden.GetProperty(key).GetDouble(), metrics[key], $"{name} {key}");
        }
        if (golden.GetProperty("mape").ValueKind == JsonValueKind.Null) Assert.False(metrics.ContainsKey("mape"), $"{name}: mape must be left out");
        else TaskGolden.AssertClose(golden.GetProperty("mape").GetDouble(), metrics["mape"], $"{name} mape");
        Assert.Equal(actual.Length, metrics["count"]);
    }

    [Fact]
    public void Evaluate_Intervals_ContainThePointEstimate()
    {
        var golden = TaskGolden.Case("regression", "noisy");

        var metrics = RegressionMetrics.Evaluate(golden.GetProperty("predicted").Doubles(), golden.GetProperty("actual").Doubles(), seed: 3);

        foreach (var key in new[] { "rmse", "mae", "r2" })
        {
            Assert.InRange(metrics[key], metrics[key + "_low"], metrics[key + "_high"]);
            Assert.True(metrics[key + "_low"] < metrics[key + "_high"], $"{key} interval has no width");
        }
    }

    [Fact]
    public void Evaluate_SameSeed_SameIntervals()
    {
        var golden = TaskGolden.Case("regression", "noisy");
        var (predicted, actual) = (golden.GetProperty("predicted").Doubles(), golden.GetProperty("actual").Doubles());

        var first = RegressionMetrics.Evaluate(predicted, actual, seed: 11);
        var second = RegressionMetrics.Evaluate(predicted, actual, seed: 11);
        var other = RegressionMetrics.Evaluate(predicted, actual, seed: 12);

        Assert.Equal(first, second);
        Assert.NotEqual(first["rmse_low"], other["rmse_low"]);
    }

    [Fact]
    public void Evaluate_NaNActual_ThrowsNamingTheRow()
    {
        var exception = Assert.Throws<ArgumentException>(() => RegressionMetrics.Evaluate([1, 2, 3], [1, double.NaN, 3], seed: 1));

        Assert.Equal("actual", exception.ParamName);
        Assert.Contains("row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NaNPrediction_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => RegressionMetrics.Evaluate([double.NaN], [1], seed: 1));

        Assert.Equal("predicted", exception.ParamName);
    }

    [Fact]
    public void Evaluate_LengthMismatch_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Evaluate([1, 2], [1], seed: 1));
    }

    [Fact]
    public void Evaluate_Empty_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Evaluate([], [], seed: 1));
    }

    [Theory]
    [InlineData("rmse")]
    [InlineData("mae")]
    [InlineData("r2")]
    public void ErrorOn_RepeatedRows_EqualsEvaluateOnTheSelectedRowsExactly(string metric)
    {
        var random = new Random(9);
        var actual = Enumerable.Range(0, 300).Select(_ => random.NextDouble() * 100).ToArray();
        var predicted = actual.Select(a => a + (random.NextDouble() * 20) - 10).ToArray();
        var rows = Enumerable.Range(0, 300).Select(_ => random.Next(300)).ToArray();

        var fast = RegressionMetrics.ErrorOn(metric, predicted, actual, rows);
        var full = RegressionMetrics.Evaluate(rows.Select(r => predicted[r]).ToArray(), rows.Select(r => actual[r]).ToArray(), seed: 1, resamples: 1)[metric];

        Assert.Equal(full, fast);
    }

    [Fact]
    public void ErrorOn_MetricWithoutAFastPath_IsNull() => Assert.Null(RegressionMetrics.ErrorOn("median_absolute_error", [1], [2], [0]));
}
