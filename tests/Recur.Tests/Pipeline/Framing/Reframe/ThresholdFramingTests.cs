using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Framing;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Framing.Reframe;

public sealed class ThresholdFramingTests
{
    [Fact]
    public void Run_RegressAbove_AddsABinaryModelWhoseProbabilityRisesWithTheScore()
    {
        var config = ReframeData.Binary(new ReframeConfig { Regress = "y", Above = 50 });
        var train = ReframeData.Table(800, 1);
        var validation = ReframeData.Table(300, 2);
        var plan = FeaturePlan.From(config, train);
        FramingCatalog.Check(config, plan, train);

        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "auc", TimeProvider.System);

        var framed = Assert.Single(candidates, c => c.Framing == "threshold");
        Assert.Equal("threshold(lightgbm)", framed.Trainer);
        Assert.True(framed.Validation["auc"] > 0.95, $"auc {framed.Validation["auc"]}");
        var model = framed.Model!;
        Assert.Equal(ModelTask.Binary, model.Manifest.Plan.Task);
        var rows = ReframeData.Table(50, 9);
        var x = ((Recur.Core.Data.NumericColumn)rows["x"]).Values;
        var p = model.Predict(rows).Scores;
        var low = Enumerable.Range(0, 50).Where(r => x[r] < 3).Select(r => p[r]).DefaultIfEmpty(0).Max();
        var high = Enumerable.Range(0, 50).Where(r => x[r] > 7).Select(r => p[r]).DefaultIfEmpty(1).Min();
        Assert.True(low < 0.1 && high > 0.9, $"low {low}, high {high}");
    }

    [Fact]
    public void Check_ScoreColumnMissing_NamesRegress()
    {
        var config = ReframeData.Binary(new ReframeConfig { Regress = "fare", Above = 50 });
        var data = ReframeData.Table(100, 1);

        var e = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, FeaturePlan.From(config, data), data));

        Assert.Equal("framing.reframe.regress", e.Field);
        Assert.Contains("no column named 'fare'", e.Message);
    }

    [Fact]
    public void Check_ScoreIsAnInput_AsksToExcludeIt()
    {
        var config = ReframeData.Binary(new ReframeConfig { Regress = "y", Above = 50 });
        config.Features.Exclude = [];
        var data = ReframeData.Table(100, 1);

        var e = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, FeaturePlan.From(config, data), data));

        Assert.Contains("is a model input, but it defines the label; list it in features.exclude", e.Message);
    }

    [Fact]
    public void Check_LabelNotDefinedByTheThreshold_RefusedNamingAbove()
    {
        var config = ReframeData.Binary(new ReframeConfig { Regress = "y", Above = 80 });
        var data = ReframeData.Table(300, 1);

        var e = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, FeaturePlan.From(config, data), data));

        Assert.Equal("framing.reframe.above", e.Field);
        Assert.Contains("agrees with y > 80 on", e.Message);
    }

    [Fact]
    public void Check_RegressionLabel_NamesRegress()
    {
        var config = ReframeData.Regression(new ReframeConfig { Regress = "x", Above = 5 });
        var data = ReframeData.Table(100, 1);

        var e = Assert.Throws<RecurException>(() => FramingCatalog.Check(config, FeaturePlan.From(config, data), data));

        Assert.Contains("answers a binary label, but label 'y' is regression", e.Message);
    }
}
