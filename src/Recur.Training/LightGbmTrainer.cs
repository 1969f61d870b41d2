using Recur.Core.Modeling;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Training.Internal;

namespace Recur.Training;

/// <summary>
/// Trains a LightGBM model through ML.NET for the plan's task: binary, multiclass (softmax over the
/// classes) or regression. The categorical one-hot encoding is fitted with the trees and saved in the
/// same model, so serving applies exactly the training transforms.
/// </summary>
public static class LightGbmTrainer
{
    /// <summary>The trainer's name in recur.yaml and lineage.</summary>
    public const string Name = "lightgbm";

    /// <summary>The threads a run uses: training.threads, or every core when it is 0.</summary>
    public static int Threads(TrainingConfig config) => config.Threads > 0 ? config.Threads : Environment.ProcessorCount;

    /// <summary>Fits a model on the table's rows.</summary>
    public static TrainedModel Train(string model, DataTable table, FeaturePlan plan, TrainingConfig config, double threshold, int seed)
    {
        if (config.Trainer != Name) throw RecurException.Invalid($"training.trainer: unknown trainer '{config.Trainer}' (available: {Name})", "training.trainer");
        if (config.Iterations < 1) throw RecurException.Invalid("training.iterations must be at least 1", "training.iterations");
        if (config.LearningRate is <= 0 or > 1) throw RecurException.Invalid("training.learning_rate must be in (0, 1]", "training.learning_rate");
        if (config.Leaves < 2) throw RecurException.Invalid("training.leaves must be at least 2", "training.leaves");
        if (config.Threads < 0) throw RecurException.Invalid("training.threads must be 0 (every core) or more", "training.threads");
        var labels = Labels(table, plan);

        var ml = new MLContext(seed);
        var view = new TableDataView(table, plan.Features, labels);
        var text = plan.Features.Where(f => f.Type == ColumnType.Text).Select(f => f.Name).ToArray();
        var numeric = plan.Features.Where(f => f.Type != ColumnType.Text).Select(f => f.Name);
        var encoded = text.Select(n => "onehot:" + n).ToArray();
        var threads = Threads(config);
        var parameters = new Dictionary<string, string>
        {
            ["iterations"] = config.Iterations.ToString(CultureInfo.InvariantCulture),
            ["learning_rate"] = config.LearningRate.ToString("R", CultureInfo.InvariantCulture),
            ["leaves"] = config.Leaves.ToString(CultureInfo.InvariantCulture),
            ["min_rows_per_leaf"] = config.MinRowsPerLeaf.ToString(CultureInfo.InvariantCulture),
            ["threads"] = threads.ToString(CultureInfo.InvariantCulture),
        };
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        if (text.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(
                text.Zip(encoded, (input, output) => new InputOutputColumnPair(output, input)).ToArray(),
                OneHotEncodingEstimator.OutputKind.Indicator));
        }
        pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", [.. numeric, .. encoded])).Append(Estimator(ml, plan.Task, config, seed, threads));
        var transformer = pipeline.Fit(view);
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, model, Name, plan, threshold, parameters, table.RowCount, seed);
        return new TrainedModel(ml, transformer, manifest, view.Schema);
    }

    private static TrainingLabels Labels(DataTable table, FeaturePlan plan)
    {
        switch (plan.Task)
        {
            case ModelTask.Binary:
                var binary = plan.Labels(table);
                if (binary.All(l => l) || binary.All(l => !l)) throw RecurException.Invalid($"the training data holds only one class of '{plan.Label}'", plan.Label);
                return new TrainingLabels(Binary: binary);
            case ModelTask.Multiclass:
                var classes = plan.ClassIndices(table);
                if (classes.Distinct().Count() < 2) throw RecurException.Invalid($"the training data holds only one class of '{plan.Label}'", plan.Label);
                return new TrainingLabels(Classes: classes, ClassCount: plan.Classes.Count);
            default:
                return new TrainingLabels(Targets: plan.Targets(table));
        }
    }

    // LightGBM's deterministic mode: the same data, seed and thread count give the same trees.
    private static IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainingConfig config, int seed, int threads) => task switch
    {
        ModelTask.Binary => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = "Features", NumberOfIterations = config.Iterations,
            LearningRate = config.LearningRate, NumberOfLeaves = config.Leaves, MinimumExampleCountPerLeaf = config.MinRowsPerLeaf,
            Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false,
        }),
        ModelTask.Multiclass => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = "Features", NumberOfIterations = config.Iterations,
            LearningRate = config.LearningRate, NumberOfLeaves = config.Leaves, MinimumExampleCountPerLeaf = config.MinRowsPerLeaf,
            Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false, UseSoftmax = true,
        }),
        _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = "Features", NumberOfIterations = config.Iterations,
            LearningRate = config.LearningRate, NumberOfLeaves = config.Leaves, MinimumExampleCountPerLeaf = config.MinRowsPerLeaf,
            Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false,
        }),
    };
}
