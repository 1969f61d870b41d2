using BenchmarkDotNet.Attributes;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Lake.Profiling;
using Recur.Serving.Requests;
using Recur.Serving.Safeguards;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Benchmarks;

/// <summary>
/// What the safeguards add to in-process scoring of the Adult LightGBM model (200 trees): one row and 1,000 rows
/// scored plainly, and through every kind of rule (range clamp, domain and missing flags, an override, abstain,
/// an output clamp and a latency budget) learned from the training profile.
/// </summary>
public class SafeguardsBenchmarks
{
    private TrainedModel _model = null!;
    private CompiledSafeguards _guards = null!;
    private PredictBatch _one = null!;
    private PredictBatch _thousand = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepoRoot();
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
        var safeguards = new SafeguardsConfig
        {
            Inputs = { Range = new InputGuardConfig { Action = "clamp" }, Domain = new InputGuardConfig { Action = "flag" }, Missing = new InputGuardConfig { Action = "flag" } },
            Outputs = { Clamp = new OutputClampConfig { Min = 0.01, Max = 0.99 } },
            Overrides = [new OverrideConfig { Name = "no-minors", When = "age < 18", Label = "<=50K" }],
            Abstain = new AbstainConfig { Band = [0.45, 0.55], Label = "review" },
            Fallback = { OnError = true, LatencyBudgetMs = 1000 },
        };
        _guards = CompiledSafeguards.Compile(safeguards, plan, Profiler.Profile(table));
        _one = Batch(table.Take([0]));
        _thousand = Batch(table.Take(Enumerable.Range(0, 1000).ToList()));
    }

    [Benchmark(Baseline = true)]
    public ModelOutput OneRowPlain() => _model.Predict(_one.Features);

    [Benchmark]
    public GuardedOutput OneRowSafeguarded() => _guards.Apply(_one, _model.Manifest.Plan, _model.Predict, 0.5, TimeProvider.System);

    [Benchmark]
    public ModelOutput ThousandRowsPlain() => _model.Predict(_thousand.Features);

    [Benchmark]
    public GuardedOutput ThousandRowsSafeguarded() => _guards.Apply(_thousand, _model.Manifest.Plan, _model.Predict, 0.5, TimeProvider.System);

    private static PredictBatch Batch(DataTable rows) =>
        new([.. Enumerable.Range(0, rows.RowCount).Select(r => $"row-{r}")], rows, [.. Enumerable.Range(0, rows.RowCount).Select(_ => "{}")]);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recur.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
