using Recur.Core.Modeling;
using Recur.Monitoring.Estimation;
using Recur.Pipeline.Config;
using Recur.Tests.Training.Trees;

namespace Recur.Tests.Monitoring.Estimation;

/// <summary>
/// The DLE-style error model on real data: a bike-demand model trained on the first 80 % of the training hours, its
/// error model learnt on the last 20 %, estimates its MAE on the later test hours without their counts.
/// </summary>
public sealed class ErrorModelBikeTests
{
    [Fact]
    public void Estimate_LaterBikeHours_IsCloseToTheRealisedMae()
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-bike", "recur.yaml"));
        var all = TreeEnsembleAgreementTests.Parse("examples-bike", "hour_train.csv", config.Datasets["train"]);
        var test = TreeEnsembleAgreementTests.Parse("examples-bike", "hour_test.csv", config.Datasets["test"]);
        var cut = all.RowCount * 4 / 5;
        var train = all.Take(Enumerable.Range(0, cut).ToArray());
        var validation = all.Take(Enumerable.Range(cut, all.RowCount - cut).ToArray());
        var plan = FeaturePlan.From(config, train);
        var model = TreeEnsembleAgreementTests.Fit(train, plan, 100);

        var errors = ErrorModel.Fit(model.Predict(validation).Scores, plan.Targets(validation));
        var predicted = model.Predict(test).Scores;
        var estimates = errors.Estimate(predicted, 42).ToDictionary(m => m.Name);
        var actual = plan.Targets(test);
        var realised = predicted.Zip(actual, (p, a) => Math.Abs(p - a)).Average();

        var ratio = estimates["mae"].Value / realised;
        Assert.True(ratio is > 0.75 and < 1.33, $"estimated MAE {estimates["mae"]}; realised {realised:0.###}");
    }
}
