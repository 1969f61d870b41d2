using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Evaluation.Importance;

/// <summary>
/// Global importance of a model's raw input columns on labelled rows: the mean |contribution| of each column in exact
/// explanations (per output), and permutation importance — each column shuffled with a seeded RNG, <c>repeats</c> times,
/// the metric's worsening averaged, with a 95 % Student t interval over the repeats. The metric is a delegate, so this
/// stays free of any learner library.
/// </summary>
public static class GlobalImportance
{
    /// <summary>Computes the importance of every raw input of <paramref name="model"/> on <paramref name="rows"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="rows">Rows holding the model's raw inputs and the label.</param>
    /// <param name="metricName">The metric's name, for the report.</param>
    /// <param name="metric">The metric of the model's outputs on <paramref name="rows"/>' labels.</param>
    /// <param name="higherIsBetter">Whether a larger metric is better (AUC, F1) or worse (RMSE).</param>
    /// <param name="repeats">Shuffles per column (at least 2, for an interval).</param>
    /// <param name="explainRows">Most rows explained for the mean |SHAP| (a seeded sample beyond that).</param>
    /// <param name="seed">Seeds the shuffles and the sample.</param>
    public static GlobalImportanceResult Compute(IPredictor model, DataTable rows, string metricName, Func<ModelOutput, double> metric,
        bool higherIsBetter, int repeats, int explainRows, int seed)
    {
        if (repeats < 2) throw RecurException.Invalid("--repeats must be at least 2 (the interval needs two shuffles)", "--repeats");
        if (rows.RowCount < 2) throw RecurException.Invalid("global importance needs at least 2 labelled rows");
        var plan = model.Manifest.Plan;
        var baseline = metric(model.Predict(rows));
        var (shap, explained) = MeanAbsShap(model, rows, explainRows, seed);
        var random = new Random(seed);
        var columns = new List<ColumnImportance>();
        foreach (var feature in plan.Features)
        {
            var drops = new double[repeats];
            for (var k = 0; k < repeats; k++)
            {
                var permuted = Shuffled(rows, feature.Name, random);
                var value = metric(model.Predict(permuted));
                drops[k] = higherIsBetter ? baseline - value : value - baseline;
            }
            var (mean, half) = TInterval(drops);
            columns.Add(new ColumnImportance(feature.Name, shap?.GetValueOrDefault(feature.Name) ?? [], mean, mean - half, mean + half));
        }
        var sorted = columns.OrderByDescending(c => c.Drop).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        return new GlobalImportanceResult(metricName, baseline, rows.RowCount, explained, repeats, plan.ScoreOutputs, sorted);
    }

    private static (Dictionary<string, double[]>? PerColumn, int Rows) MeanAbsShap(IPredictor model, DataTable rows, int most, int seed)
    {
        var order = Enumerable.Range(0, rows.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        var sample = rows.RowCount <= most ? rows : rows.Take([.. order.Take(most).Order()]);
        IReadOnlyList<RowExplanation> explanations;
        try
        {
            explanations = model.Explain(sample);
        }
        catch (RecurException)
        {
            return (null, 0);
        }
        var outputs = model.Manifest.Plan.ScoreOutputs.Count;
        var result = model.Manifest.Plan.Features.ToDictionary(f => f.Name, _ => new double[outputs], StringComparer.Ordinal);
        foreach (var e in explanations)
        {
            for (var o = 0; o < outputs; o++)
            {
                foreach (var (column, value) in e.Contributions[o]) result[column][o] += Math.Abs(value) / explanations.Count;
            }
        }
        return (result, explanations.Count);
    }

    private static DataTable Shuffled(DataTable rows, string column, Random random)
    {
        var order = Enumerable.Range(0, rows.RowCount).ToArray();
        random.Shuffle(order);
        return new DataTable([.. rows.Columns.Select(c => c.Spec.Name == column ? c.Take(order) : c)]);
    }

    // Mean and half-width of a 95 % Student t interval.
    private static (double Mean, double Half) TInterval(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, StudentT975(values.Length - 1) * Math.Sqrt(variance / values.Length));
    }

    // The 97.5 % quantile of Student's t with df degrees of freedom (tabled to 30, then the normal's 1.96 approached).
    private static double StudentT975(int df) => df switch
    {
        1 => 12.706, 2 => 4.303, 3 => 3.182, 4 => 2.776, 5 => 2.571, 6 => 2.447, 7 => 2.365, 8 => 2.306, 9 => 2.262, 10 => 2.228,
        <= 15 => 2.131, <= 20 => 2.086, <= 30 => 2.042, <= 60 => 2.000, _ => 1.96,
    };
}
