using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Metrics;
using Recur.Lake.Ingest;
using Recur.Monitoring.Estimation;
using Recur.Training;

namespace Recur.Tests.Monitoring.Estimation;

/// <summary>CBPE on real data: a model trained on the Adult sample estimates its performance on the 1,000 held-out rows without their labels.</summary>
public sealed class CbpeAdultTests
{
    [Fact]
    public void Binary_HeldOutAdultRows_EstimateCoversTheRealisedAccuracyAndAuc()
    {
        var config = new ProjectConfig { Label = "income", Positive = ">50K", Key = "id" };
        var train = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        var test = DelimitedParser.ParseFile(TestData.Path("adult-small", "test.csv"), TestData.AdultSmall, "test.csv").Table;
        var plan = FeaturePlan.From(config, train);
        var model = LightGbmTrainer.Train("adult", train, plan, config.Training, 0.5, 42);

        var scores = model.Predict(test).Scores;
        var estimates = Cbpe.Binary(scores, 0.5, 42).ToDictionary(m => m.Name);
        var realised = BinaryMetrics.Compute(scores, plan.Labels(test), 0.5);

        Assert.True(estimates["accuracy"].Contains(realised.Accuracy), $"estimated {estimates["accuracy"]}, realised {realised.Accuracy}");
        Assert.True(estimates["auc"].Contains(realised.Auc), $"estimated {estimates["auc"]}, realised {realised.Auc}");
        Assert.InRange(estimates["accuracy"].Value - realised.Accuracy, -0.03, 0.03);
    }
}
