using System.IO.Compression;
using Microsoft.ML;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Trainers;

/// <summary>The direct LightGBM path: determinism, categorical text columns, the artifact, and loading models written through ML.NET.</summary>
public sealed class LightGbmTreesTests
{
    private static readonly ProjectConfig Config = new() { Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] } };

    private static DataTable Adult(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static TrainedModel Fit(ITrainer trainer, DataTable train, int threads = 2, int seed = 7)
    {
        var settings = TrainerSettings.From(trainer, new Dictionary<string, string> { ["iterations"] = "40", ["learning_rate"] = "0.1" }, "training");
        return ModelFitter.Fit("adult", train, FeaturePlan.From(Config, train), new TrainerChoice(trainer, settings, "training"), threads, 0.5, seed);
    }

    [Fact]
    public void Fit_TwiceWithTwoThreads_GivesTheSameModelTextAndScores()
    {
        var train = Adult("train.csv");
        var test = Adult("test.csv");

        var a = Fit(new LightGbmTrees(), train);
        var b = Fit(new LightGbmTrees(), train);

        Assert.Equal(a.ModelText, b.ModelText);
        Assert.Equal(a.Score(test), b.Score(test));
    }

    [Fact]
    public void Fit_TextColumns_AreLightGbmCategoricalFeatures()
    {
        var train = Adult("train.csv");
        var model = Fit(new LightGbmTrees(), train);
        var text = model.Manifest.Plan.Features.Select((f, i) => (f, i)).Where(p => p.f.Type == ColumnType.Text).Select(p => p.i).ToList();

        Assert.Contains($"[categorical_feature: {string.Join(",", text)}]", model.ModelText, StringComparison.Ordinal);
        Assert.Contains(model.Trees!.Trees, t => t.DecisionType.Any(d => (d & 1) != 0));
    }

    [Fact]
    public void Save_LightGbm_StoresTheModelTextAndTheManifestOnly()
    {
        using var dir = new TempDir();
        Fit(new LightGbmTrees(), Adult("train.csv")).Save(dir.Path("m.zip"));

        using var zip = ZipFile.OpenRead(dir.Path("m.zip"));

        Assert.Equal(["model.lightgbm.txt", "manifest.json"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(2000, e.LastWriteTime.Year));
    }

    [Fact]
    public void Load_LightGbmModelWrittenThroughMlNet_StillScoresAsSaved()
    {
        using var dir = new TempDir();
        var test = Adult("test.csv");
        var old = Fit(new ThroughMlNet(), Adult("train.csv"));
        old.Save(dir.Path("old.zip"));

        var loaded = TrainedModel.Load(dir.Path("old.zip"));

        Assert.Null(loaded.Trees);
        Assert.Equal(old.Score(test), loaded.Score(test));
        using var zip = ZipFile.OpenRead(dir.Path("old.zip"));
        Assert.NotNull(zip.GetEntry("model.mlnet"));
    }

    // The lightgbm trainer as it worked before the direct path: ML.NET's estimator, without IDirectTrainer.
    private sealed class ThroughMlNet : ITrainer
    {
        private readonly LightGbmTrees _trees = new();

        public string Name => _trees.Name;

        public string Description => _trees.Description;

        public IReadOnlyList<ModelTask> Tasks => _trees.Tasks;

        public IReadOnlyList<TrainerParameter> Parameters => _trees.Parameters;

        public bool NeedsNormalizedFeatures => false;

        public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads) => _trees.Estimator(ml, task, settings, seed, threads);
    }
}
