using Recur.Evaluation.Metrics;

namespace Recur.Tests.Evaluation.Metrics;

public sealed class ConfusionMatrixTests
{
    private static readonly string[] Classes = ["cat", "dog", "fox"];

    [Fact]
    public void Of_Pairs_CountsTruthByRowAndPredictionByColumn()
    {
        var matrix = ConfusionMatrix.Of(Classes, actual: [0, 0, 1, 1, 1, 2], predicted: [0, 1, 1, 1, 2, 2]);

        Assert.Equal([1, 1, 0], matrix.Counts[0]);
        Assert.Equal([0, 2, 1], matrix.Counts[1]);
        Assert.Equal([0, 0, 1], matrix.Counts[2]);
        Assert.Equal(6, matrix.Total);
        Assert.Null(matrix.Threshold);
    }

    [Fact]
    public void PerClass_Pairs_MatchesMulticlassMetrics()
    {
        int[] actual = [0, 0, 1, 1, 1, 2, 2, 0];
        int[] predicted = [0, 1, 1, 1, 2, 2, 0, 0];
        var probabilities = predicted.Select(p => Enumerable.Range(0, 3).Select(k => k == p ? 0.8 : 0.1).ToArray()).ToArray();
        var metrics = MulticlassMetrics.Evaluate(probabilities, actual, Classes, seed: 1);

        var figures = ConfusionMatrix.Of(Classes, actual, predicted).PerClass();

        foreach (var f in figures)
        {
            Assert.Equal(metrics[$"precision[{f.Class}]"], f.Precision, 12);
            Assert.Equal(metrics[$"recall[{f.Class}]"], f.Recall, 12);
            Assert.Equal(metrics[$"f1[{f.Class}]"], f.F1, 12);
            Assert.Equal(metrics[$"support[{f.Class}]"], f.Support);
        }
    }

    [Fact]
    public void PerClass_ClassNeverPredicted_HasZeroPrecision()
    {
        var figures = ConfusionMatrix.Of(Classes, actual: [0, 1, 2], predicted: [0, 0, 0]).PerClass();

        Assert.Equal(1.0 / 3, figures[0].Precision, 12);
        Assert.Equal(0, figures[1].Precision);
        Assert.Equal(0, figures[2].Recall);
        Assert.Equal(1, figures[2].Support);
    }

    [Fact]
    public void Of_PredictionOutsideTheClasses_FailsNamingTheRow()
    {
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of(Classes, actual: [0, 1], predicted: [0, 3]));

        Assert.Contains("row 1", e.Message);
    }
}
