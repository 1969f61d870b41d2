using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Training;

/// <summary>The Transform pattern: a model's feature chain is fitted once, saved inside the model file, and gives the same features after loading.</summary>
public sealed class FeatureChainModelTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly ProjectConfig Config = new()
    {
        Label = "income", Positive = ">50K", Key = "id",
        Features = new FeaturesConfig
        {
            Transforms =
            [
                new TransformConfig { Transform = "standardize", Columns = ["age", "hours-per-week"] },
                new TransformConfig { Transform = "bucketize", Columns = ["education-num"], Params = new() { ["buckets"] = "4" } },
                new TransformConfig { Transform = "onehot", Columns = ["occupation"], Params = new() { ["min_frequency"] = "20" } },
                new TransformConfig { Transform = "hash", Columns = ["native-country"], Params = new() { ["buckets"] = "16" } },
                new TransformConfig { Transform = "cross", Columns = ["education-num", "sex"], Params = new() { ["buckets"] = "32" } },
            ],
        },
    };

    private static DataTable Table(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("lbfgs")]
    public void SaveAndLoad_FeatureChain_GivesBitIdenticalFeaturesAndScores(string trainer)
    {
        var train = Table("train.csv");
        var test = Table("test.csv");
        var plan = FeaturePlan.From(Config, train);
        var chain = FeatureEngineering.Fit(Config.Features, plan, train).Chain!;
        var choice = TrainerChoice.From(new TrainingConfig { Trainer = trainer, Iterations = 20 }, TrainerCatalog.Standard)[0];
        var model = ModelFitter.Fit("m", train, plan, choice, 1, 0.5, 7, chain);
        model.Save(_dir.Path("m.zip"));

        var loaded = TrainedModel.Load(_dir.Path("m.zip"));

        Assert.NotNull(loaded.Chain);
        Assert.Equal(chain.Outputs.Select(o => o.Name), loaded.LearnedFeatures.Select(o => o.Name));
        var before = model.Features(test);
        var after = loaded.Features(test);
        foreach (var column in before.Columns)
        {
            var other = after[column.Name];
            for (var r = 0; r < test.RowCount; r++) Assert.Equal(column.Format(r), other.Format(r));
        }
        Assert.Equal(model.Score(test), loaded.Score(test));
        Assert.Equal(plan.Features.Select(f => f.Name), loaded.Manifest.Plan.Features.Select(f => f.Name));
    }

    [Fact]
    public void Fit_NoTransformsAndNoFreeText_HasNoChainSoOldModelsKeepTheirBytes()
    {
        var train = Table("train.csv");
        var plan = FeaturePlan.From(new ProjectConfig { Label = "income", Positive = ">50K", Key = "id" }, train);

        var fitted = FeatureEngineering.Fit(new FeaturesConfig(), plan, train);

        Assert.Null(fitted.Chain);
        Assert.Empty(fitted.Notes);
    }
}
