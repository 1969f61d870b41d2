using System.Text.Json;
using Recur.Evaluation.Metrics;

namespace Recur.Tests.Evaluation.Metrics;

public sealed class MulticlassMetricsTests
{
    public static TheoryData<string> Cases() => TaskGolden.Names("multiclass");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_GoldenCase_MatchesScikitLearn(string name)
    {
        var (probabilities, actual, classes, golden) = Load(name);

        var metrics = MulticlassMetrics.Evaluate(probabilities, actual, classes, seed: 7);

        foreach (var key in new[] { "accuracy", "macro_f1", "micro_f1", "log_loss" })
        {
            TaskGolden.AssertClose(golden.GetProperty(key).GetDouble(), metrics[key], $"{name} {key}");
        }
        for (var k = 0; k < classes.Length; k++)
        {
            foreach (var key in new[] { "precision", "recall", "f1", "support" })
            {
                TaskGolden.AssertClose(golden.GetProperty(key)[k].GetDouble(), metrics[$"{key}[{classes[k]}]"], $"{name} {key}[{classes[k]}]");
            }
        }
        Assert.Equal(actual.Length, metrics["count"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConfusionMatrix_GoldenCase_MatchesScikitLearn(string name)
    {
        var (probabilities, actual, classes, golden) = Load(name);

        var matrix = MulticlassMetrics.ConfusionMatrix(probabilities, actual, classes.Length);

        var expected = golden.GetProperty("confusion_matrix");
        for (var a = 0; a < classes.Length; a++)
        {
            for (var p = 0; p < classes.Length; p++) Assert.Equal(expected[a][p].GetInt32(), matrix[a, p]);
        }
    }

    [Fact]
    public void ConfusionMatrix_TiedProbabilities_PredictsLowestIndex()
    {
        var matrix = MulticlassMetrics.ConfusionMatrix([[0.4, 0.4, 0.2]], [1], 3);

        Assert.Equal(1, matrix[1, 0]);
    }

    [Fact]
    public void Evaluate_Intervals_ContainThePointEstimate()
    {
        var (probabilities, actual, classes, _) = Load("three_classes");

        var metrics = MulticlassMetrics.Evaluate(probabilities, actual, classes, seed: 5);

        foreach (var key in new[] { "accuracy", "macro_f1", "log_loss" })
        {
            Assert.InRange(metrics[key], metrics[key + "_low"], metrics[key + "_high"]);
        }
    }

    [Fact]
    public void Evaluate_SameSeed_SameIntervals()
    {
        var (probabilities, actual, classes, _) = Load("three_classes");

        var first = MulticlassMetrics.Evaluate(probabilities, actual, classes, seed: 9);
        var second = MulticlassMetrics.Evaluate(probabilities, actual, classes, seed: 9);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Evaluate_ClassIndexOutOfRange_ThrowsNamingTheRow()
    {
        var exception = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Evaluate([[0.5, 0.5], [0.5, 0.5]], [0, 2], ["no", "yes"], seed: 1));

        Assert.Equal("actual", exception.ParamName);
        Assert.Contains("row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RowOfWrongWidth_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Evaluate([[0.5, 0.5], [1.0]], [0, 1], ["no", "yes"], seed: 1));

        Assert.Equal("probabilities", exception.ParamName);
    }

    private static (double[][] Probabilities, int[] Actual, string[] Classes, JsonElement Golden) Load(string name)
    {
        var golden = TaskGolden.Case("multiclass", name);
        var probabilities = golden.GetProperty("probabilities").EnumerateArray().Select(r => r.Doubles()).ToArray();
        var classes = golden.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return (probabilities, golden.GetProperty("actual").Ints(), classes, golden);
    }
}
