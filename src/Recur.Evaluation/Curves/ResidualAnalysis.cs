using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Curves;

/// <summary>A row's prediction and its residual (actual − predicted), a point of the residual plot.</summary>
/// <param name="Predicted">The model's prediction.</param>
/// <param name="Residual">Actual minus predicted.</param>
public sealed record ResidualPoint(double Predicted, double Residual);

/// <summary>The error of a regression model over the rows whose true value lies in one range.</summary>
/// <param name="Low">The range's lower edge (inclusive).</param>
/// <param name="High">The range's upper edge (inclusive for the last range).</param>
/// <param name="Count">Rows in the range.</param>
/// <param name="Mae">Mean absolute error there.</param>
/// <param name="MaeLow">Lower end of its bootstrap 95 % interval.</param>
/// <param name="MaeHigh">Upper end of its bootstrap 95 % interval.</param>
/// <param name="Bias">Mean residual (positive: the model predicts too low there).</param>
/// <param name="Rmse">Root mean squared error there.</param>
public sealed record TargetRangeError(double Low, double High, int Count, double Mae, double MaeLow, double MaeHigh, double Bias, double Rmse);

/// <summary>
/// Where a regression model errs: a seeded sample of (prediction, residual) points for the residual plot, and the
/// error by range of the true value (quantile ranges, so each holds about the same number of rows).
/// </summary>
/// <param name="Sample">At most a few thousand points, drawn with the seed.</param>
/// <param name="ByTargetRange">Error per quantile range of the actual value, lowest first.</param>
/// <param name="MeanResidual">Mean residual over all rows (the overall bias).</param>
public sealed record ResidualAnalysis(IReadOnlyList<ResidualPoint> Sample, IReadOnlyList<TargetRangeError> ByTargetRange, double MeanResidual)
{
    /// <summary>Analyses predictions against actual values.</summary>
    /// <exception cref="ArgumentException">Inputs empty or of different lengths.</exception>
    public static ResidualAnalysis Compute(double[] predicted, double[] actual, int seed, int ranges = 5, int samplePoints = 2000, int resamples = 200)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Length == 0 || predicted.Length != actual.Length) throw new ArgumentException("One actual value per prediction, at least one row, is required.", nameof(actual));
        var random = new Random(seed);
        var rows = Enumerable.Range(0, actual.Length).ToArray();
        if (rows.Length > samplePoints)
        {
            random.Shuffle(rows);
            rows = rows[..samplePoints];
            Array.Sort(rows);
        }
        var sample = rows.Select(i => new ResidualPoint(predicted[i], actual[i] - predicted[i])).ToList();
        return new ResidualAnalysis(sample, Ranges(predicted, actual, ranges, random, resamples), Enumerable.Range(0, actual.Length).Average(i => actual[i] - predicted[i]));
    }

    private static List<TargetRangeError> Ranges(double[] predicted, double[] actual, int ranges, Random random, int resamples)
    {
        var sorted = actual.Order().ToArray();
        var edges = Enumerable.Range(0, ranges + 1).Select(k => Resampling.Percentile(sorted, (double)k / ranges)).Distinct().ToArray();
        var result = new List<TargetRangeError>();
        for (var k = 0; k + 1 < edges.Length; k++)
        {
            var (low, high, last) = (edges[k], edges[k + 1], k + 2 == edges.Length);
            var members = Enumerable.Range(0, actual.Length).Where(i => actual[i] >= low && (actual[i] < high || (last && actual[i] <= high))).ToArray();
            if (members.Length == 0) continue;
            var errors = members.Select(i => Math.Abs(actual[i] - predicted[i])).ToArray();
            var draws = new List<double>(resamples);
            var pick = new int[errors.Length];
            for (var r = 0; r < resamples; r++)
            {
                Resampling.Draw(random, pick);
                draws.Add(pick.Average(i => errors[i]));
            }
            var (maeLow, maeHigh) = Resampling.Interval(draws, 0.95);
            result.Add(new TargetRangeError(low, high, members.Length, errors.Average(), maeLow, maeHigh,
                members.Average(i => actual[i] - predicted[i]), Math.Sqrt(members.Average(i => Math.Pow(actual[i] - predicted[i], 2)))));
        }
        return result;
    }
}
