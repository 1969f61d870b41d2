using System.Globalization;
using Microsoft.ML;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// LightGBM with every brake released, for useful overfitting (framing.overfit): a leaf may hold one row
/// (min_data_in_leaf=1, min_data_in_bin=1, min_sum_hessian_in_leaf=0), as many leaves as rows, no L1/L2 penalty, no
/// row or feature subsampling, as many histogram bins as any input has distinct values (so every grid value is its own
/// bin), and full steps (learning rate 1 by default). Boosting stops by itself once no split reduces the training error.
/// Not in <see cref="TrainerCatalog.Standard"/>: only the overfit mode, which first proves the data is a full grid,
/// fits with it.
/// </summary>
public sealed class ExactFitTrees : ITrainer, IDirectTrainer
{
    /// <summary>LightGBM's ceiling on leaves per tree.</summary>
    public const int MaxLeaves = 131072;

    /// <inheritdoc />
    public string Name => "lightgbm-exact";

    /// <inheritdoc />
    public string Description => "LightGBM without regularisation (one row per leaf allowed, no penalties, no subsampling), for tabulated functions";

    /// <inheritdoc />
    public IReadOnlyList<ModelTask> Tasks { get; } = [ModelTask.Regression];

    /// <inheritdoc />
    public IReadOnlyList<TrainerParameter> Parameters { get; } =
    [
        TrainerParameter.Whole("iterations", "boosting rounds at most (it stops when no split helps)", 100, 1),
        TrainerParameter.Real("learning_rate", "shrinkage of each tree (1: full steps)", 1.0, 0, 1, minExclusive: true),
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => false;

    /// <inheritdoc />
    public IEstimator<Microsoft.ML.ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads) =>
        throw new NotSupportedException("lightgbm-exact fits through LightGBM's C API only");

    IModelBody IDirectTrainer.Fit(DataTable table, FeaturePlan plan, TrainingLabels labels, TrainerSettings settings, int seed, int threads, NativeWatch? watch)
    {
        var matrix = new FeatureMatrix(plan.Features);
        var rows = matrix.RowMajor(table);
        var text = NativeBooster.Fit(rows, table.RowCount, matrix.Width, Array.ConvertAll(labels.Targets!, t => (float)t),
            NativeParameters(rows, table.RowCount, matrix.Width, settings, seed, threads, matrix.CategoricalColumns), settings.Int("iterations"));
        return new TreeModelBody(text, plan);
    }

    private static string NativeParameters(float[] rows, int count, int width, TrainerSettings settings, int seed, int threads, IEnumerable<int> categoricalColumns)
    {
        var distinct = 2;
        for (var c = 0; c < width; c++)
        {
            var values = new HashSet<float>();
            for (var r = 0; r < count; r++) values.Add(rows[(r * width) + c]);
            distinct = Math.Max(distinct, values.Count);
        }
        var categorical = string.Join(",", categoricalColumns);
        return string.Join(" ",
            "objective=regression",
            $"num_leaves={Math.Clamp(count, 2, MaxLeaves)}",
            $"learning_rate={settings.Real("learning_rate").ToString("R", CultureInfo.InvariantCulture)}",
            "min_data_in_leaf=1 min_data_in_bin=1 min_sum_hessian_in_leaf=0 lambda_l1=0 lambda_l2=0 min_gain_to_split=0",
            $"max_bin={Math.Max(255, distinct + 1)}",
            "bagging_fraction=1 feature_fraction=1 feature_pre_filter=false",
            $"num_threads={threads}",
            $"seed={seed}",
            "deterministic=true force_row_wise=true verbosity=-1",
            categorical.Length > 0 ? $"categorical_feature={categorical} max_cat_to_onehot=256 min_data_per_group=1 cat_smooth=0 cat_l2=0" : "");
    }
}
