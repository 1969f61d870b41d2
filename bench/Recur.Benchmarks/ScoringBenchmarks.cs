using Recur.Core.Modeling;
using BenchmarkDotNet.Attributes;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Benchmarks;

/// <summary>
/// In-process scoring cost of the Adult LightGBM model (200 trees): one row (online) and 1,000 rows (batch),
/// with the managed tree evaluator (the <c>lightgbm</c> trainer today) and, for comparison, the same
/// trainer through ML.NET's wrapper and transforms (as before the direct LightGBM path).
/// </summary>
public class ScoringBenchmarks
{
    private TrainedModel _model = null!;
    private TrainedModel _mlNet = null!;
    private DataTable _one = null!;
    private DataTable _thousand = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRepoRoot();
        var config = new DatasetConfig
        {
            Header = false,
            Columns = ["age", "workclass", "fnlwgt", "education", "education-num", "marital-status", "occupation", "relationship", "race", "sex", "capital-gain", "capital-loss", "hours-per-week", "native-country", "income"],
            Missing = ["?"],
        };
        var table = DelimitedParser.ParseFile(Path.Combine(root, "examples", "adult-income", "data", "adult.data"), config, "adult.data").Table;
        var project = new ProjectConfig { Name = "adult", Label = "income", Positive = ">50K", Features = new FeaturesConfig { Exclude = ["fnlwgt"] } };
        var plan = FeaturePlan.From(project, table);
        _model = LightGbmTrainer.Train("adult", table, plan, project.Training, 0.5, 42);
        var viaMlNet = new MlNetLightGbm();
        var settings = TrainerSettings.From(viaMlNet, TrainerChoice.FlatParameters(project.Training), "training");
        _mlNet = ModelFitter.Fit("adult", table, plan, new TrainerChoice(viaMlNet, settings, "training"), 2, 0.5, 42);
        _one = table.Take([0]);
        _thousand = table.Take(Enumerable.Range(0, 1000).ToList());
    }

    [Benchmark]
    public double[] ScoreOneRow() => _model.Score(_one);

    [Benchmark]
    public double[] ScoreThousandRows() => _model.Score(_thousand);

    [Benchmark]
    public double[] ScoreOneRowThroughMlNet() => _mlNet.Score(_one);

    [Benchmark]
    public double[] ScoreThousandRowsThroughMlNet() => _mlNet.Score(_thousand);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recur.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
