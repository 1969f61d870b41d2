using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Composition;

/// <summary>A composed model is one file holding its members: it saves with stable bytes, loads and scores as composed.</summary>
public sealed class ComposedModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recur-composed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (DataTable Train, FeaturePlan Plan) Iris()
    {
        var iris = new DatasetConfig { Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"] };
        var train = DelimitedParser.ParseFile(TestData.Path("iris", "iris-train.txt"), iris, "train").Table;
        return (train, FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train));
    }

    private static TrainedModel Fit(ITrainer trainer, DataTable train, FeaturePlan plan) =>
        ModelFitter.Fit("m", train, plan, new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "training"), "training"), 1, 0.5, 7);

    [Fact]
    public void Compose_AverageOfTwoMembers_ScoresTheMeanAndRoundTripsWithSameBytes()
    {
        var (train, plan) = Iris();
        var a = Fit(new SdcaLinear(), train, plan);
        var b = Fit(new LbfgsLinear(), train, plan);
        var manifest = a.Manifest with { Trainer = "average(sdca,lbfgs)" };
        var composed = TrainedModel.Compose(manifest, "average", [new ComposedMember("a", a), new ComposedMember("b", b)], CompositionCatalog.ToSpec(new { }));

        var pa = a.ScoreClasses(train);
        var pb = b.ScoreClasses(train);
        var p = composed.ScoreClasses(train);
        for (var r = 0; r < p.Length; r++) for (var c = 0; c < p[r].Length; c++) Assert.Equal((pa[r][c] + pb[r][c]) / 2, p[r][c], 12);

        var path = Path.Combine(_dir, "composed.zip");
        composed.Save(path);
        var loaded = TrainedModel.Load(path);
        Assert.Equal("average", loaded.CompositionName);
        Assert.Equal(["a", "b"], loaded.Members.Select(m => m.Name));
        Assert.Equal(composed.Predict(train).Labels, loaded.Predict(train).Labels);
        Assert.Equal(File.ReadAllBytes(path), loaded.ToBytes());
    }

    [Fact]
    public void Load_UnknownComposition_NamesIt()
    {
        var (train, plan) = Iris();
        var a = Fit(new SdcaLinear(), train, plan);
        var composed = TrainedModel.Compose(a.Manifest, "average", [new ComposedMember("a", a)], CompositionCatalog.ToSpec(new { }));
        var bytes = composed.ToBytes();
        var path = Path.Combine(_dir, "odd.zip");
        File.WriteAllBytes(path, bytes);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("composition.json")!;
            string text;
            using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("composition.json").Open());
            writer.Write(text.Replace("\"average\"", "\"mystery\"", StringComparison.Ordinal));
        }

        var error = Assert.Throws<RecurException>(() => TrainedModel.Load(path));

        Assert.Contains("unknown composition 'mystery'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DuplicateMemberNames_Refused()
    {
        var (train, plan) = Iris();
        var a = Fit(new SdcaLinear(), train, plan);
        Assert.Throws<ArgumentException>(() => TrainedModel.Compose(a.Manifest, "average", [new ComposedMember("a", a), new ComposedMember("a", a)], JsonDocument.Parse("{}").RootElement));
    }
}
