using System.IO.Compression;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Explanations;

/// <summary>An ML.NET model file without its explanation facts (saved before they existed) refuses to explain, saying why.</summary>
public sealed class MissingFactsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recur-explain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Explain_ModelFileWithoutExplainFacts_RefusesNamingTheEntry()
    {
        var iris = new DatasetConfig { Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"] };
        var train = DelimitedParser.ParseFile(TestData.Path("iris", "iris-train.txt"), iris, "train").Table;
        var plan = FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train);
        var trainer = new SdcaLinear();
        var path = Path.Combine(_dir, "old.zip");
        ModelFitter.Fit("m", train, plan, new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "training"), "training"), 1, 0.5, 7).Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update)) zip.GetEntry("explain.json")!.Delete();
        var model = TrainedModel.Load(path);

        var error = Assert.Throws<RecurException>(() => model.Explain(train));

        Assert.Contains("explain.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);
        Assert.Equal(plan.Classes.Count, model.ScoreClasses(train)[0].Length); // it still scores
    }
}
