using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Curves;
using Recur.Pipeline.Curves;
using Recur.Training.Trainers;

namespace Recur.Tests.Pipeline.Curves;

public sealed class LearningCurveStepTests
{
    private const string Key = "evaluation.learning_curve.fractions";

    // y is "yes" when x > 0.5, with a seeded share of flipped labels so the model cannot be perfect.
    private static (ProjectConfig Config, DataTable Table) Binary(int rows)
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray();
        var y = x.Select(v => (v > 0.5) ^ (random.NextDouble() < 0.1) ? "yes" : "no").ToArray();
        var table = new DataTable(
        [
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), x),
            new TextColumn(new ColumnSpec("y", ColumnType.Text), y.Select(v => (string?)v).ToArray()),
        ]);
        var config = new ProjectConfig { Name = "toy", Label = "y", Positive = "yes", Seed = 42 };
        config.Training.Trainer = "lightgbm";
        config.Training.Iterations = 20;
        config.Training.MinRowsPerLeaf = 5;
        return (config, table);
    }

    private static TrainerChoice First(ProjectConfig config) => TrainerChoice.From(config.Training, TrainerCatalog.Standard)[0];

    [Fact]
    public void Check_SubsetBelowMinimum_NamesTheFractionAndRows()
    {
        var (config, table) = Binary(100);
        var plan = FeaturePlan.From(config, table);

        var error = Assert.Throws<RecurException>(() => LearningCurveStep.Check(plan, table, [0.1, 1], First(config), config.Seed, Key));

        Assert.Contains("fraction 0.1 of 100 training rows is 10 rows, fewer than the 20 lightgbm needs", error.Message);
        Assert.Equal(Key, error.Field);
    }

    [Fact]
    public void Check_MinRowsPerLeaf_RaisesTheMinimum()
    {
        var (config, table) = Binary(100);
        config.Training.MinRowsPerLeaf = 20;
        var plan = FeaturePlan.From(config, table);

        var error = Assert.Throws<RecurException>(() => LearningCurveStep.Check(plan, table, [0.3, 1], First(config), config.Seed, Key));

        Assert.Contains("30 rows, fewer than the 40 lightgbm needs", error.Message);
    }

    [Fact]
    public void Check_OneClassSubset_IsAnError()
    {
        // The plan knows two classes; the training rows handed over hold only "yes".
        var (config, table) = Binary(200);
        var yes = ((TextColumn)table["y"]).Values.Select((v, i) => (v, i)).Where(p => p.v == "yes").Select(p => p.i).Take(60).ToList();

        var error = Assert.Throws<RecurException>(() => LearningCurveStep.Check(FeaturePlan.From(config, table), table.Take(yes), [0.5, 1], First(config), config.Seed, Key));

        Assert.Contains("fraction 0.5 (30 rows) holds one class only; a classifier needs two", error.Message);
    }

    [Fact]
    public void Check_FractionsNotIncreasing_IsAnErrorBeforeAnyFit()
    {
        var (config, table) = Binary(100);

        var error = Assert.Throws<RecurException>(() => LearningCurveStep.Check(FeaturePlan.From(config, table), table, [1, 0.5], First(config), config.Seed, Key));

        Assert.Contains("fractions must increase", error.Message);
    }

    [Fact]
    public void Measure_ToyBinary_PointsGrowWithIntervalsAndADiagnosis()
    {
        var (config, table) = Binary(600);
        var plan = FeaturePlan.From(config, table);
        var train = table.Take(Enumerable.Range(0, 400).ToList());
        var validation = table.Take(Enumerable.Range(400, 200).ToList());

        var curve = LearningCurveStep.Measure(config, config.Features, plan, train, validation, First(config), "auc", [0.25, 0.5, 1], TimeProvider.System);

        Assert.Equal([100, 200, 400], curve.Points.Select(p => p.Rows));
        Assert.All(curve.Points, p =>
        {
            Assert.InRange(p.Validation, p.ValidationLow, p.ValidationHigh);
            Assert.InRange(p.Train, p.TrainLow, p.TrainHigh);
            Assert.InRange(p.Validation, 0.7, 1);
        });
        Assert.Equal(2, curve.Diagnosis.Count);
        Assert.Equal("lightgbm", curve.Trainer);
        Assert.Equal(200, curve.ValidationRows);
        Assert.True(double.IsFinite(curve.Baseline));

        // The same seed gives the same curve.
        var again = LearningCurveStep.Measure(config, config.Features, plan, train, validation, First(config), "auc", [0.25, 0.5, 1], TimeProvider.System);
        Assert.Equal(curve.Points.Select(p => p.Validation), again.Points.Select(p => p.Validation));
    }
}
