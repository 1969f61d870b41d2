using System.Globalization;
using System.Text.RegularExpressions;
using Recur.Training.Internal;

namespace Recur.Tests.Training.Checkpoints;

/// <summary>
/// Can a LightGBM fit continue from its saved model text and end with the trees of an uninterrupted fit? 50 rounds in one go
/// against 25 rounds, the text saved, and 25 more continued from it through LightGBM's C API (init_score from the saved
/// trees' raw scores, the saved booster merged in front). The answers, measured and asserted here, are what
/// docs/design/workflow-pipeline.md ("Checkpoints") reports.
/// </summary>
public sealed class BoosterContinuationTests
{
    private const int Rows = 3000;
    private const int Columns = 8;
    private const string Plain = "objective=binary num_leaves=15 learning_rate=0.1 min_data_in_leaf=20 num_threads=1 seed=7 lambda_l2=0.01 min_sum_hessian_in_leaf=0.1 deterministic=true force_row_wise=true verbosity=-1";

    // A nonlinear binary task on synthetic rows: enough signal for 50 rounds to keep splitting.
    private static (float[] Matrix, float[] Labels) Data()
    {
        var random = new Random(7);
        var matrix = new float[Rows * Columns];
        var labels = new float[Rows];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++) matrix[r * Columns + c] = (float)(random.NextDouble() * 2 - 1);
            var x = matrix.AsSpan(r * Columns, Columns);
            var margin = 1.5 * x[0] + 2 * x[1] * x[2] - x[3] + 0.5 * Math.Sin(3 * x[4]) + random.NextDouble() - 0.5;
            labels[r] = margin > 0 ? 1 : 0;
        }
        return (matrix, labels);
    }

    // The model text's trees, each block from "Tree=" to the blank line that ends it.
    private static List<string> Trees(string modelText) =>
        [.. Regex.Matches(modelText, @"^Tree=\d+\n.*?\n\n", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Value)];

    private static (List<string> Whole, List<string> Continued, double MaxScoreGap) Compare(string parameters)
    {
        var (matrix, labels) = Data();
        var whole = NativeBooster.Fit(matrix, Rows, Columns, labels, parameters, 50);
        var half = NativeBooster.Fit(matrix, Rows, Columns, labels, parameters, 25);
        var continued = NativeBooster.Continue(half, matrix, Rows, Columns, labels, parameters, 25);
        var a = NativeBooster.Predict(whole, matrix, Rows, Columns, 1);
        var b = NativeBooster.Predict(continued, matrix, Rows, Columns, 1);
        return (Trees(whole), Trees(continued), a.Zip(b, (x, y) => Math.Abs(x - y)).Max());
    }

    private static int Same(List<string> a, List<string> b, int from, int to) => Enumerable.Range(from, to - from).Count(i => a[i] == b[i]);

    [Fact]
    public void Continue_NoSampling_TreesByteIdenticalToAnUninterruptedFit()
    {
        var (whole, continued, gap) = Compare(Plain);

        Assert.Equal(50, whole.Count);
        Assert.Equal(50, continued.Count);
        Assert.Equal(whole, continued);
        Assert.Equal(0, gap);
    }

    [Fact]
    public void Continue_WithBagging_LaterTreesDifferBecauseTheSamplerRestarts()
    {
        var (whole, continued, gap) = Compare(Plain + " bagging_fraction=0.7 bagging_freq=1 bagging_seed=7");

        Assert.Equal(50, continued.Count);
        Assert.Equal(25, Same(whole, continued, 0, 25));
        var later = Same(whole, continued, 25, 50);
        Assert.True(later < 25, $"{later} of the 25 continued trees equal the uninterrupted ones");
        Assert.True(gap > 0, string.Create(CultureInfo.InvariantCulture, $"largest probability gap {gap}"));
    }

    [Fact]
    public void Continue_WithFeatureFraction_LaterTreesDifferBecauseTheSamplerRestarts()
    {
        var (whole, continued, gap) = Compare(Plain + " feature_fraction=0.6 feature_fraction_seed=7");

        Assert.Equal(25, Same(whole, continued, 0, 25));
        var later = Same(whole, continued, 25, 50);
        Assert.True(later < 25, $"{later} of the 25 continued trees equal the uninterrupted ones");
        Assert.True(gap > 0, string.Create(CultureInfo.InvariantCulture, $"largest probability gap {gap}"));
    }
}
