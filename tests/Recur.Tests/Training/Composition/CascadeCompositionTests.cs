using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Composition;

/// <summary>The cascade composition: each row answered by its branch alone, the branch named, one file with stable bytes.</summary>
public sealed class CascadeCompositionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recur-cascade-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DataTable Adult(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static TrainedModel Cascade(DataTable train, string? fallback)
    {
        var plan = FeaturePlan.From(new ProjectConfig { Label = "income", Positive = ">50K", Features = new FeaturesConfig { Exclude = ["id", "fnlwgt"] } }, train);
        var trainer = new LbfgsLinear();
        var choice = new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "training"), "training");
        TrainedModel Fit(string sex) =>
            ModelFitter.Fit("m", train.Take([.. Enumerable.Range(0, train.RowCount).Where(r => train["sex"].Format(r) == sex)]), plan, choice, 1, 0.5, 7);
        var spec = new CascadeSpec { Column = "sex", Branches = new(StringComparer.Ordinal) { ["Female"] = "women", ["Male"] = "men" }, Default = fallback };
        var men = Fit("Male");
        return TrainedModel.Compose(men.Manifest with { Trainer = "cascade(lbfgs)" }, "cascade",
            [new ComposedMember("branch:men", men), new ComposedMember("branch:women", Fit("Female"))], CompositionCatalog.ToSpec(spec));
    }

    [Fact]
    public void Predict_SegmentSpec_EachRowAnsweredByItsBranchAndNamed()
    {
        var train = Adult("train.csv");
        var test = Adult("test.csv");
        var cascade = Cascade(train, null);

        var output = cascade.Predict(test);

        var men = cascade.Members[0].Model.Predict(test);
        var women = cascade.Members[1].Model.Predict(test);
        for (var r = 0; r < test.RowCount; r++)
        {
            var male = test["sex"].Format(r) == "Male";
            Assert.Equal(male ? "men" : "women", output.Details![r]!.Branch);
            Assert.Equal(male ? men.Scores[r] : women.Scores[r], output.Scores[r], 12);
            Assert.Equal(male ? men.Labels[r] : women.Labels[r], output.Labels[r]);
        }
    }

    [Fact]
    public void Save_Cascade_LoadsWithTheSameAnswersAndBytes()
    {
        var train = Adult("train.csv");
        var cascade = Cascade(train, null);
        var path = Path.Combine(_dir, "cascade.zip");

        cascade.Save(path);
        var loaded = TrainedModel.Load(path);

        Assert.Equal("cascade", loaded.CompositionName);
        Assert.Equal(cascade.Predict(train).Scores, loaded.Predict(train).Scores);
        Assert.Equal(File.ReadAllBytes(path), loaded.ToBytes());
    }

    [Fact]
    public void Predict_ValueWithoutBranchAndNoDefault_NamesTheColumnAndValue()
    {
        var train = Adult("train.csv");
        var cascade = Cascade(train, null);
        var odd = new DataTable([.. train.Take([0]).Columns.Select(c => c.Name == "sex" ? new TextColumn(new ColumnSpec("sex", ColumnType.Text), ["Unknown"]) : c)]);

        var e = Assert.Throws<RecurException>(() => cascade.Predict(odd));

        Assert.Equal("sex", e.Field);
        Assert.Contains("column 'sex' is 'Unknown', which no cascade branch takes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_ValueWithoutBranch_GoesToTheDefault()
    {
        var train = Adult("train.csv");
        var cascade = Cascade(train, "men");
        var odd = new DataTable([.. train.Take([0]).Columns.Select(c => c.Name == "sex" ? new TextColumn(new ColumnSpec("sex", ColumnType.Text), [null]) : c)]);

        Assert.Equal("men", cascade.Predict(odd).Details![0]!.Branch);
    }
}
