using Recur.Core.Data;
using Recur.Evaluation.Baselines;

namespace Recur.Tests.Evaluation.Baselines;

public sealed class OneRuleBaselineTests
{
    // 40 rows: "size" drives the target, "colour" is noise, "id" is unique per row.
    private static readonly double[] Size = Enumerable.Range(0, 40).Select(i => (double)(i % 10)).ToArray();
    private static readonly string?[] Colour = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "red" : i % 3 == 1 ? "blue" : null).ToArray();
    private static readonly string?[] Id = Enumerable.Range(0, 40).Select(i => $"row-{i}").ToArray();
    private static readonly double[] Target = Size.Select((s, i) => (s * 10) + (i % 2)).ToArray();
    private static readonly string[] Features = ["colour", "id", "size"];

    private static DataTable Table(double[] size, string?[] colour, string?[] id) => new(
    [
        new NumericColumn(new ColumnSpec("size", ColumnType.Real), size),
        new TextColumn(new ColumnSpec("colour", ColumnType.Text), colour),
        new TextColumn(new ColumnSpec("id", ColumnType.Text), id),
    ]);

    [Fact]
    public void FitRegression_OneInformativeColumn_PicksIt()
    {
        var rule = OneRuleBaseline.FitRegression(Table(Size, Colour, Id), Features, Target);

        Assert.Equal("size", rule.Feature);
        Assert.Contains("size", rule.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void PredictValues_NumericBins_PredictTheBinMean()
    {
        var rule = OneRuleBaseline.FitRegression(Table(Size, Colour, Id), Features, Target);

        var predicted = rule.PredictValues(Table([3, double.NaN, 100], [null, null, null], [null, null, null]));

        Assert.Equal(31, predicted[0], 9);
        Assert.Equal(Target.Average(), predicted[1], 9);
        Assert.Equal(91, predicted[2], 9);
    }

    [Fact]
    public void PredictValues_TextCategories_UnseenAndMissingGetTheOverallMean()
    {
        double[] noise = new double[6];
        var train = Table(noise, ["a", "a", "b", "b", "c", null], ["1", "2", "3", "4", "5", "6"]);

        var rule = OneRuleBaseline.FitRegression(train, ["size", "colour"], [1, 3, 10, 12, 5, 5]);

        Assert.Equal("colour", rule.Feature);
        Assert.Equal([2.0, 11.0, 6.0, 6.0], rule.PredictValues(Table(new double[4], ["a", "b", "z", null], new string?[4])));
    }

    [Fact]
    public void FitRegression_IdentifierListedFirst_InformativeColumnStillChosen()
    {
        // Fitted in-sample, the identifier's one-row groups would reproduce every target exactly.
        var rule = OneRuleBaseline.FitRegression(Table(Size, Colour, Id), ["id", "size"], Target);

        Assert.Equal("size", rule.Feature);
    }

    [Fact]
    public void FitClassification_OneInformativeColumn_PicksItAndPredictsFrequencies()
    {
        var labels = Size.Select(s => s < 5 ? 0 : 1).ToArray();

        var rule = OneRuleBaseline.FitClassification(Table(Size, Colour, Id), Features, labels, 2);

        Assert.Equal("size", rule.Feature);
        var probabilities = rule.PredictProbabilities(Table([0, 9], [null, null], [null, null]));
        // Four rows of class 0 plus the half-and-half prior pseudo-row: (4 + 0.5) / 5.
        Assert.Equal(0.9, probabilities[0][0], 12);
        Assert.Equal(0.9, probabilities[1][1], 12);
        Assert.Equal(1.0, probabilities[0].Sum(), 12);
    }

    [Fact]
    public void PredictProbabilities_FittedForRegression_ThrowsInvalidOperation()
    {
        var rule = OneRuleBaseline.FitRegression(Table(Size, Colour, Id), Features, Target);

        Assert.Throws<InvalidOperationException>(() => rule.PredictProbabilities(Table(Size, Colour, Id)));
    }

    [Fact]
    public void FitRegression_TargetCountMismatch_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => OneRuleBaseline.FitRegression(Table(Size, Colour, Id), Features, [1, 2]));
    }
}
