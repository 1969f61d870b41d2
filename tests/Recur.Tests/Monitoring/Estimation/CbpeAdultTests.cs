using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Metrics;
using Recur.Lake.Ingest;
using Recur.Monitoring.Estimation;
using Recur.Training;

namespace Recur.Tests.Monitoring.Estimation;

/// <summary>
/// CBPE on real data: a model trained on 2,000 Adult rows, its scores recalibrated on 1,000 validation rows, estimates
/// its performance on the 1,000 held-out rows without their labels.
/// </summary>
public sealed class CbpeAdultTests
{
    [Fact]
    public void Binary_HeldOutAdultRows_EstimateCoversTheRealisedAccuracyAndAuc()
    {
        var config = new ProjectConfig { Label = "income", Positive = ">50K", Key = "id" };
        var all = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        var train = all.Take(Enumerable.Range(0, 2000).ToArray());
        var validation = all.Take(Enumerable.Range(2000, all.RowCount - 2000).ToArray());
        var test = DelimitedParser.ParseFile(TestData.Path("adult-small", "test.csv"), TestData.AdultSmall, "test.csv").Table;
        var plan = FeaturePlan.From(config, train);
        var model = LightGbmTrainer.Train("adult", train, plan, config.Training, 0.5, 42);

        var calibrator = IsotonicCalibrator.Fit(model.Predict(validation).Scores, plan.Labels(validation));
        var scores = model.Predict(test).Scores;
        var estimates = Cbpe.Binary(scores, 0.5, 42, calibrator).ToDictionary(m => m.Name);
        var raw = Cbpe.Binary(scores, 0.5, 42).ToDictionary(m => m.Name);
        var realised = BinaryMetrics.Compute(scores, plan.Labels(test), 0.5);

        Assert.True(estimates["accuracy"].Contains(realised.Accuracy), $"estimated {estimates["accuracy"]}, realised {realised.Accuracy}");
        Assert.True(estimates["auc"].Contains(realised.Auc), $"estimated {estimates["auc"]}, realised {realised.Auc}");
        Assert.InRange(estimates["accuracy"].Value - realised.Accuracy, -0.03, 0.03);
        // Without recalibration the overconfident scores promise more than the model delivers.
        Assert.True(raw["accuracy"].Value - realised.Accuracy > estimates["accuracy"].Value - realised.Accuracy, $"raw {raw["accuracy"]}");
    }
}
