using Recur.Evaluation.Baselines;

namespace Recur.Tests.Evaluation.Baselines;

public sealed class ConstantBaselinesTests
{
    [Fact]
    public void MeanBaseline_Predict_RepeatsTheTrainingMean()
    {
        Assert.Equal([4.0, 4.0, 4.0], MeanBaseline.Predict([1, 2, 9], 3));
    }

    [Fact]
    public void MedianBaseline_OddCount_RepeatsTheMiddleValue()
    {
        Assert.Equal([2.0, 2.0], MedianBaseline.Predict([9, 1, 2], 2));
    }

    [Fact]
    public void MedianBaseline_EvenCount_AveragesTheMiddlePair()
    {
        Assert.Equal([2.5], MedianBaseline.Predict([1, 2, 3, 100], 1));
    }

    [Fact]
    public void MeanBaseline_NaNTarget_ThrowsNamingTheRow()
    {
        var exception = Assert.Throws<ArgumentException>(() => MeanBaseline.Predict([1, double.NaN], 1));

        Assert.Equal("trainTargets", exception.ParamName);
        Assert.Contains("row 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassPriorBaseline_Predict_GivesTrainingFrequencies()
    {
        var predictions = ClassPriorBaseline.Predict([0, 2, 2, 2], 3, 2);

        Assert.Equal(2, predictions.Length);
        Assert.Equal([0.25, 0.0, 0.75], predictions[1]);
    }

    [Fact]
    public void MajorityClassBaseline_Predict_PutsAllMassOnTheMostFrequentClass()
    {
        var predictions = MajorityClassBaseline.Predict([0, 2, 2, 1], 3, 1);

        Assert.Equal([0.0, 0.0, 1.0], predictions[0]);
    }

    [Fact]
    public void MajorityClassBaseline_TiedCounts_ChoosesTheLowestIndex()
    {
        Assert.Equal([0.0, 1.0, 0.0], MajorityClassBaseline.Predict([2, 1, 1, 2], 3, 1)[0]);
    }

    [Fact]
    public void ClassPriorBaseline_LabelOutOfRange_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => ClassPriorBaseline.Predict([0, 3], 3, 1));

        Assert.Equal("trainLabels", exception.ParamName);
    }
}
