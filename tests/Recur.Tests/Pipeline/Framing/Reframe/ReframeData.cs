using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Pipeline.Framing.Reframe;

/// <summary>A seeded synthetic regression (y = 10x + 5z + noise) with a binary label defined by y > 50, for the reframing tests.</summary>
internal static class ReframeData
{
    public static DataTable Table(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var z = new double[rows];
        var y = new double[rows];
        var high = new string?[rows];
        for (var r = 0; r < rows; r++)
        {
            x[r] = random.NextDouble() * 10;
            z[r] = random.NextDouble() * 2;
            y[r] = 10 * x[r] + 5 * z[r] + (random.NextDouble() - 0.5) * 8;
            high[r] = y[r] > 50 ? "yes" : "no";
        }
        return new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real, false), x),
            new NumericColumn(new ColumnSpec("z", ColumnType.Real, false), z),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real, false), y),
            new TextColumn(new ColumnSpec("high", ColumnType.Text, false), high)]);
    }

    /// <summary>A regression of y (high left out) with a small LightGBM.</summary>
    public static ProjectConfig Regression(ReframeConfig reframe) => new()
    {
        Name = "synthetic", Label = "y", Task = "regression", Seed = 7,
        Features = new FeaturesConfig { Exclude = ["high"] },
        Training = Small(),
        Framing = new FramingConfig { Reframe = reframe },
    };

    /// <summary>The binary label high (y left out), reframed as a regression of y.</summary>
    public static ProjectConfig Binary(ReframeConfig reframe) => new()
    {
        Name = "synthetic", Label = "high", Task = "binary", Positive = "yes", Seed = 7,
        Features = new FeaturesConfig { Exclude = ["y"] },
        Training = Small(),
        Framing = new FramingConfig { Reframe = reframe },
    };

    private static TrainingConfig Small() => new()
    {
        Threads = 1,
        Candidates = [new CandidateConfig { Trainer = "lightgbm", Params = new() { ["iterations"] = "40", ["min_rows_per_leaf"] = "5" } }],
    };

    public static TrainerChoice Choice(ProjectConfig config) => TrainerChoice.From(config.Training, TrainerCatalog.Standard)[0];
}
