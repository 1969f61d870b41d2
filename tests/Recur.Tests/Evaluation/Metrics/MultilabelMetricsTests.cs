using Recur.Evaluation.Metrics;

namespace Recur.Tests.Evaluation.Metrics;

/// <summary>Multilabel metrics against scikit-learn 1.2 on a hand-made case (f1_score micro/macro, hamming_loss, accuracy_score).</summary>
public sealed class MultilabelMetricsTests
{
    private static readonly string[] Labels = ["a", "b", "c"];

    private static bool[][] Sets(params int[][] rows) => [.. rows.Select(r => r.Select(v => v == 1).ToArray())];

    private static readonly bool[][] Actual = Sets([1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 0], [1, 0, 0]);
    private static readonly bool[][] Predicted = Sets([1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 1, 0]);

    [Fact]
    public void Evaluate_HandMadeSets_MatchesScikitLearn()
    {
        var m = MultilabelMetrics.Evaluate(Predicted, Actual, Labels, null, seed: 1);

        // f1_score(y, p, average='micro') = 0.6667, 'macro' (zero_division=0) = 0.5, hamming_loss = 4/15, accuracy_score = 0.2.
        Assert.Equal(2.0 / 3, m["micro_f1"], 12);
        Assert.Equal(0.5, m["macro_f1"], 12);
        Assert.Equal(4.0 / 15, m["hamming_loss"], 12);
        Assert.Equal(0.2, m["subset_accuracy"], 12);
        Assert.Equal(1, m["precision[a]"]);
        Assert.Equal(0.5, m["recall[b]"]);
        Assert.Equal(0, m["f1[c]"]);
        Assert.Equal(3, m["support[a]"]);
        Assert.False(m.ContainsKey("auc[a]"));
        Assert.True(m["micro_f1_low"] <= m["micro_f1"] && m["micro_f1"] <= m["micro_f1_high"]);
    }

    [Fact]
    public void Evaluate_WithScores_AddsPerLabelAucAndIsSeeded()
    {
        double[][] scores = [[0.9, 0.1, 0.4], [0.2, 0.8, 0.1], [0.7, 0.3, 0.2], [0.1, 0.2, 0.6], [0.8, 0.6, 0.3]];

        var first = MultilabelMetrics.Evaluate(Predicted, Actual, Labels, scores, seed: 5);
        var again = MultilabelMetrics.Evaluate(Predicted, Actual, Labels, scores, seed: 5);

        Assert.Equal(1, first["auc[a]"]);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Evaluate_PerLabelIntervals_BracketEveryLabelsFigures()
    {
        var m = MultilabelMetrics.Evaluate(Predicted, Actual, Labels, null, seed: 2, perLabelIntervals: true);

        foreach (var name in new[] { "precision[a]", "recall[b]", "f1[c]" })
        {
            Assert.True(m[name + "_low"] <= m[name] && m[name] <= m[name + "_high"], name);
        }
        Assert.False(MultilabelMetrics.Evaluate(Predicted, Actual, Labels, null, seed: 2).ContainsKey("f1[a]_low"));
    }

    [Fact]
    public void On_Resample_EqualsTheFullMetricOnAllRows()
    {
        int[] all = [0, 1, 2, 3, 4];

        Assert.Equal(4.0 / 15, MultilabelMetrics.On("hamming_loss", Predicted, Actual, 3, all), 12);
        Assert.Equal(0.2, MultilabelMetrics.On("subset_accuracy", Predicted, Actual, 3, all), 12);
        Assert.True(double.IsNaN(MultilabelMetrics.On("auc", Predicted, Actual, 3, all)));
    }

    [Fact]
    public void Evaluate_RowWithTooFewLabels_NamesTheRow()
    {
        var short_ = Sets([1, 0, 1], [0, 1]);
        var error = Assert.Throws<ArgumentException>(() => MultilabelMetrics.Evaluate(short_, short_, Labels, null, 1));
        Assert.Contains("row 2", error.Message);
    }
}
