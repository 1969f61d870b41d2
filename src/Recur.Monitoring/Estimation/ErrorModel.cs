using Recur.Monitoring.Live;

namespace Recur.Monitoring.Estimation;

/// <summary>
/// A DLE-style error model for regression (direct loss estimation): learnt on the champion's validation rows, it
/// predicts each logged row's error from the model's prediction, so expected MAE and RMSE need no labels. The model is
/// piecewise constant: validation rows are cut into bins at quantiles of the prediction, and a row's error is drawn
/// from the validation errors of its bin. The interval is the 95 % range of the MAE/RMSE such draws realise (seeded).
/// It assumes the error depends on the inputs only through the prediction and that P(y|x) is unchanged.
/// </summary>
public sealed class ErrorModel
{
    private readonly double[] _edges;     // upper bounds of bins 0..n-2 (the last bin is open)
    private readonly double[][] _errors;  // signed errors (actual − predicted) per bin

    private ErrorModel(double[] edges, double[][] errors) => (_edges, _errors) = (edges, errors);

    /// <summary>Validation rows the model was fitted on.</summary>
    public int Rows => _errors.Sum(e => e.Length);

    /// <summary>Bins of the prediction.</summary>
    public int Bins => _errors.Length;

    /// <summary>Fits on validation predictions and true values: up to <paramref name="bins"/> bins with at least 20 rows each.</summary>
    public static ErrorModel Fit(double[] predicted, double[] actual, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Length != actual.Length || predicted.Length == 0) throw new ArgumentException("one true value per prediction, at least one", nameof(actual));
        var count = Math.Clamp(predicted.Length / 20, 1, bins);
        var order = Enumerable.Range(0, predicted.Length).OrderBy(i => predicted[i]).ToArray();
        var edges = new List<double>();
        var errors = new List<double[]>();
        for (var b = 0; b < count; b++)
        {
            var from = b * order.Length / count;
            var to = (b + 1) * order.Length / count;
            errors.Add(order[from..to].Select(i => actual[i] - predicted[i]).ToArray());
            if (b < count - 1) edges.Add(predicted[order[to - 1]]);
        }
        return new ErrorModel([.. edges], [.. errors]);
    }

    /// <summary>Expected MAE and RMSE of predictions, each with its 95 % interval.</summary>
    public IReadOnlyList<MetricValue> Estimate(double[] predicted, int seed)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        if (predicted.Length == 0) return [];
        var bins = predicted.Select(Bin).ToArray();
        var meanAbs = _errors.Select(e => e.Average(Math.Abs)).ToArray();
        var meanSquare = _errors.Select(e => e.Average(x => x * x)).ToArray();
        var mae = bins.Average(b => meanAbs[b]);
        var rmse = Math.Sqrt(bins.Average(b => meanSquare[b]));
        var random = new Random(seed);
        var maes = new List<double>(Cbpe.Simulations);
        var rmses = new List<double>(Cbpe.Simulations);
        for (var s = 0; s < Cbpe.Simulations; s++)
        {
            double abs = 0, square = 0;
            foreach (var b in bins)
            {
                var e = _errors[b][random.Next(_errors[b].Length)];
                abs += Math.Abs(e);
                square += e * e;
            }
            maes.Add(abs / bins.Length);
            rmses.Add(Math.Sqrt(square / bins.Length));
        }
        return [Cbpe.WithInterval("mae", mae, maes), Cbpe.WithInterval("rmse", rmse, rmses)];
    }

    private int Bin(double prediction)
    {
        var i = Array.BinarySearch(_edges, prediction);
        return i >= 0 ? i : ~i;
    }
}
