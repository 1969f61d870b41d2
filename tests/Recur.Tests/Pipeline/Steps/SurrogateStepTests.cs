using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Steps;
using Recur.Training;

namespace Recur.Tests.Pipeline.Steps;

public sealed class SurrogateStepTests
{
    private static DataTable Adult(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static ProjectConfig Config(bool enabled) => new()
    {
        Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] },
        Training = new TrainingConfig
        {
            Threads = 1,
            Candidates = [new CandidateConfig { Trainer = "lightgbm", Params = new() { ["iterations"] = "30" } }],
            Surrogate = new SurrogateConfig { Enabled = enabled, MaxLeaves = 8 },
        },
    };

    private static (TrainedModel Model, FeaturePlan Plan, DataTable Train, DataTable Test) Fitted(ProjectConfig config)
    {
        var train = Adult("train.csv");
        var test = Adult("test.csv");
        var plan = FeaturePlan.From(config, train);
        var (model, _) = CandidateSelection.Run(config, plan, train, test, "auc", TimeProvider.System);
        return (model, plan, train, test);
    }

    [Fact]
    public void Attach_Enabled_MeasuresFidelityOnTheEvaluationRows()
    {
        var config = Config(enabled: true);
        var (model, plan, train, test) = Fitted(config);
        var output = model.Predict(test);

        var attached = SurrogateStep.Attach(config, plan, model, train, test, output);

        var surrogate = attached.Manifest.Surrogate!;
        Assert.InRange(surrogate.Leaves, 2, 8);
        var f = surrogate.Fidelity;
        Assert.Equal(test.RowCount, f.Rows);
        var mine = surrogate.Predict(test, plan, model.Manifest.Threshold);
        var agree = Enumerable.Range(0, test.RowCount).Count(r => mine.Labels[r] == output.Labels[r]);
        Assert.Equal((double)agree / test.RowCount, f.Agreement!.Value, 9);
        Assert.True(f.AgreementLow <= f.Agreement && f.Agreement <= f.AgreementHigh);
        Assert.True(f.Agreement > 0.75, $"agreement {f.Agreement}");
        Assert.True(f.R2 > 0.3 && f.R2Low <= f.R2 && f.R2 <= f.R2High, $"R² {f.R2} [{f.R2Low}, {f.R2High}]");
        // The primary's own answers are untouched.
        Assert.Equal(output.Scores, attached.Predict(test).Scores);
    }

    [Fact]
    public void Attach_SavedAndLoaded_SameSurrogateAndReproducibleBytes()
    {
        var config = Config(enabled: true);
        var (model, plan, train, test) = Fitted(config);
        using var dir = new TempDir();

        SurrogateStep.Attach(config, plan, model, train, test, model.Predict(test)).Save(dir.Path("a.zip"));
        SurrogateStep.Attach(config, plan, model, train, test, model.Predict(test)).Save(dir.Path("b.zip"));
        var loaded = TrainedModel.Load(dir.Path("a.zip"));

        Assert.Equal(File.ReadAllBytes(dir.Path("a.zip")), File.ReadAllBytes(dir.Path("b.zip")));
        Assert.NotNull(loaded.Manifest.Surrogate);
        Assert.Equal(loaded.Manifest.Surrogate!.Predict(test, plan, 0.5).Scores, model.WithSurrogate(loaded.Manifest.Surrogate).Manifest.Surrogate!.Predict(test, plan, 0.5).Scores);
    }

    [Fact]
    public void Attach_Disabled_LeavesTheModelAsItWas()
    {
        var config = Config(enabled: false);
        var (model, plan, train, test) = Fitted(config);

        Assert.Same(model, SurrogateStep.Attach(config, plan, model, train, test, model.Predict(test)));
        Assert.Null(model.Manifest.Surrogate);
    }
}
