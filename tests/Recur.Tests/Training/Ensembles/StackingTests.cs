using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Framing.Ensembles;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Ensembles;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Ensembles;

/// <summary>Stacked and bagged ensembles on the small Adult sample: composed files with stable bytes that score as composed.</summary>
public sealed class StackingTests
{
    private static readonly ProjectConfig Config = new()
    {
        Label = "income",
        Positive = ">50K",
        Key = "id",
        Features = new FeaturesConfig { Exclude = ["fnlwgt"] },
    };

    private static DataTable Load(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static TrainerChoice Choice(ITrainer trainer, Dictionary<string, string> settings) => new(trainer, TrainerSettings.From(trainer, settings, "training"), "training");

    private static readonly TrainerChoice[] Choices =
    [
        Choice(new LightGbmTrees(), new() { ["iterations"] = "20", ["leaves"] = "8" }),
        Choice(new SdcaLinear(), []),
    ];

    private static TrainedModel Stack(DataTable train, FeaturePlan plan, int seed)
    {
        var bases = Choices.Select(c => ModelFitter.Fit("adult", train, plan, c, 1, 0.5, seed)).ToList();
        var meta = StackingFraming.MetaChoice(Config, plan.Task);
        return Stacking.Fit(new StackingInputs("adult", plan, train, Choices, bases, meta, 3, 1, 0.5, seed, null));
    }

    [Fact]
    public void Fit_SameSeedTwice_SameBytes()
    {
        var train = Load("train.csv");
        var plan = FeaturePlan.From(Config, train);

        var a = Stack(train, plan, 7).ToBytes();
        var b = Stack(train, plan, 7).ToBytes();

        Assert.Equal(a, b);
    }

    [Fact]
    public void Fit_TwoBases_IsOneComposedFileWithBasesAndMetaThatRoundTrips()
    {
        using var dir = new TempDir();
        var train = Load("train.csv");
        var test = Load("test.csv");
        var plan = FeaturePlan.From(Config, train);
        var model = Stack(train, plan, 7);

        model.Save(dir.Path("stacked.zip"));
        var loaded = TrainedModel.Load(dir.Path("stacked.zip"));

        Assert.Equal("stacking", loaded.CompositionName);
        Assert.Equal(["base-0", "base-1", "meta"], loaded.Members.Select(m => m.Name));
        Assert.Equal(["base_0", "base_1"], loaded.Members[2].Model.Manifest.Plan.Features.Select(f => f.Name));
        Assert.Equal(model.Score(test), loaded.Score(test));
        Assert.Equal(File.ReadAllBytes(dir.Path("stacked.zip")), loaded.ToBytes());
        var scores = loaded.Score(test);
        Assert.All(scores, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void Fit_MetaInputs_AreTheBaseScores()
    {
        var train = Load("train.csv");
        var test = Load("test.csv");
        var plan = FeaturePlan.From(Config, train);
        var model = Stack(train, plan, 7);
        var bases = model.Members.Take(2).Select(m => m.Model).ToList();

        var features = StackingComposition.BaseScores(bases, test, plan);

        Assert.Equal(bases[0].Score(test), ((NumericColumn)features["base_0"]).Values);
        Assert.Equal(model.Members[2].Model.Score(features), model.Score(test));
    }

    [Fact]
    public void Bagging_ThreeBags_AveragesTheMembersWithStableBytes()
    {
        var train = Load("train.csv");
        var test = Load("test.csv");
        var plan = FeaturePlan.From(Config, train);

        var model = Bagging.Fit("adult", train, plan, Choices[0], 3, 1, 0.5, 7, null);

        Assert.Equal("average", model.CompositionName);
        Assert.Equal(["bag-0", "bag-1", "bag-2"], model.Members.Select(m => m.Name));
        var members = model.Members.Select(m => m.Model.Score(test)).ToList();
        var mean = model.Score(test);
        for (var r = 0; r < mean.Length; r++) Assert.Equal(members.Average(s => s[r]), mean[r], 12);
        Assert.NotEqual(members[0], members[1]);
        Assert.Equal(model.ToBytes(), Bagging.Fit("adult", train, plan, Choices[0], 3, 1, 0.5, 7, null).ToBytes());
    }

    [Fact]
    public void Sample_SameSeed_SameRowsDrawnWithReplacement()
    {
        var a = Bagging.Sample(1000, 2, 42);

        Assert.Equal(a, Bagging.Sample(1000, 2, 42));
        Assert.Equal(1000, a.Length);
        Assert.True(a.Distinct().Count() < 800);
        Assert.NotEqual(a, Bagging.Sample(1000, 3, 42));
    }
}
