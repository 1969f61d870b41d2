using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Statistics;
using Recur.Evaluation.Metrics;
using Recur.Evaluation.Robustness.Internal;

namespace Recur.Evaluation.Robustness;

/// <summary>
/// Boundary tests: the rows whose decision is close (binary: score within a band of the threshold; multiclass: the two
/// most probable classes within a band) are perturbed in small ways that should not matter — a numeric input nudged
/// by a share of its spread, a column the model does not read changed, a filler word added to a text — and every
/// copy is scored again. A row flips when any of its copies gets another decision. Regression has no decision and is
/// not measured. Works over any scoring function, so it needs no ML.NET; the same seed gives the same copies.
/// </summary>
public static class BoundaryTest
{
    /// <summary>Tests the rows near the boundary of <paramref name="predict"/>.</summary>
    /// <param name="predict">Scores a table of rows (the model).</param>
    /// <param name="rows">The evaluation rows, with every column (the model's inputs and the others).</param>
    /// <param name="reference">The training rows, whose spreads size the numeric nudges.</param>
    /// <param name="columns">Which columns each kind may touch.</param>
    /// <param name="options">Band, row cap, nudge, seed.</param>
    public static RobustnessResult Run(Func<DataTable, ModelOutput> predict, DataTable rows, DataTable reference, BoundaryColumns columns, BoundaryTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(options);
        var original = predict(rows);
        if (original.Task == ModelTask.Regression)
        {
            return RobustnessResult.NotMeasured(original.Task, rows.RowCount, options.Band, "regression has no decision to flip; not measured");
        }
        if (original.Task == ModelTask.Multilabel)
        {
            return RobustnessResult.NotMeasured(original.Task, rows.RowCount, options.Band, "multilabel has a decision per label, which this test does not perturb yet; not measured");
        }
        var distance = Enumerable.Range(0, rows.RowCount).Select(r => Distance(original, r, options.Threshold)).ToArray();
        var near = Enumerable.Range(0, rows.RowCount).Where(r => distance[r] <= options.Band).OrderBy(r => distance[r]).ThenBy(r => r).ToList();
        var tested = near.Take(options.MaxRows).ToArray();

        var random = new Random(options.Seed);
        var flipped = new bool[tested.Length];
        var perturbed = new bool[tested.Length];
        var kinds = new List<PerturbationResult>();
        void Measure(PerturbationKind kind, (List<Variant> Variants, List<string> Columns) made) =>
            kinds.Add(Score(kind, made.Variants, made.Columns, predict, rows, columns, tested, original, flipped, perturbed, options.Examples));
        Measure(PerturbationKind.NumericNudge, VariantMaker.Nudges(rows, tested, reference, columns.Numeric, options.Nudge));
        Measure(PerturbationKind.IrrelevantField, VariantMaker.Irrelevant(rows, tested, columns.Irrelevant, random));
        Measure(PerturbationKind.FillerWord, VariantMaker.FillerWords(rows, tested, columns.Text, random));

        var testedRows = perturbed.Count(p => p);
        var flips = flipped.Count(f => f);
        var (low, high) = WilsonInterval.Of(flips, testedRows);
        var score = testedRows == 0 ? 1 : 1 - (double)flips / testedRows;
        var note = testedRows == 0 ? (near.Count == 0 ? "no evaluation row is near the decision boundary" : "no near-boundary row has a column these perturbations change") : "";
        return new RobustnessResult(original.Task.ToName(), true, rows.RowCount, near.Count, testedRows, flips, score, 1 - high, 1 - low, options.Band, kinds, note);
    }

    // How far a row's decision is from changing: the score's distance to the threshold, or the top-two class margin.
    private static double Distance(ModelOutput output, int row, double threshold)
    {
        if (output.Task == ModelTask.Binary) return Math.Abs(output.Scores[row] - threshold);
        var p = output.ClassScores![row];
        double first = double.NegativeInfinity, second = double.NegativeInfinity;
        foreach (var v in p)
        {
            if (v > first) (first, second) = (v, first);
            else if (v > second) second = v;
        }
        return p.Length < 2 ? double.PositiveInfinity : first - second;
    }

    private static PerturbationResult Score(PerturbationKind kind, List<Variant> variants, List<string> used, Func<DataTable, ModelOutput> predict, DataTable rows,
        BoundaryColumns columns, int[] tested, ModelOutput original, bool[] flipped, bool[] perturbed, int keep)
    {
        if (variants.Count == 0) return new PerturbationResult(kind.ToName(), used, 0, 0, 0, 0, 0, 1, []);
        var output = predict(Variant.Table(rows, tested, variants));
        var touched = new HashSet<int>();
        var flips = new HashSet<int>();
        var examples = new List<FlipExample>();
        for (var i = 0; i < variants.Count; i++)
        {
            var v = variants[i];
            var row = tested[v.Tested];
            touched.Add(v.Tested);
            perturbed[v.Tested] = true;
            if (output.Labels[i] == original.Labels[row]) continue;
            flipped[v.Tested] = true;
            if (flips.Add(v.Tested) && examples.Count < keep)
            {
                var name = columns.Key is { } key && rows.Has(key) ? rows[key].Format(row) ?? $"row {row + 1}" : $"row {row + 1}";
                examples.Add(new FlipExample(name, v.Column, rows[v.Column].Format(row) ?? "", v.Shown, original.Labels[row], output.Labels[i], original.Scores[row], output.Scores[i]));
            }
        }
        var (low, high) = WilsonInterval.Of(flips.Count, touched.Count);
        return new PerturbationResult(kind.ToName(), used, touched.Count, variants.Count, flips.Count, (double)flips.Count / touched.Count, low, high, examples);
    }
}
