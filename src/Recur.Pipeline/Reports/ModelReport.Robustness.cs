using Recur.Evaluation.Reports;
using Recur.Evaluation.Robustness;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // The boundary test: the score, each perturbation kind's flips with their interval, and a few flipped rows.
    private static void AddRobustness(HtmlReport report, RobustnessResult? result)
    {
        if (result is null) return;
        report.Heading("Robustness near the decision boundary");
        if (!result.Measured)
        {
            report.Paragraph($"Not measured: {result.Note}.");
            return;
        }
        report.Paragraph($"Of {result.EvaluationRows} evaluation rows, {result.NearBoundary} are within {Format(result.Band)} of the decision boundary; the {result.Tested} closest were " +
                "perturbed in ways that should not matter (numeric inputs nudged by a small share of their spread, columns the model does not read changed, filler words added to text). " +
                $"{result.Flipped} changed decision. Robustness score {Format(result.Score)} (95% interval [{Format(result.Low)}, {Format(result.High)}]) = 1 − the share of tested rows that flipped." +
                (result.Note.Length > 0 ? $" {result.Note}." : ""))
            .Table(["perturbation", "columns", "rows", "copies", "flips", "flip rate", "95% interval"], result.Kinds.Select(k => (IReadOnlyList<string>)
                [k.Kind.Replace('_', ' '), string.Join(", ", k.Columns), k.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 k.Perturbations.ToString(System.Globalization.CultureInfo.InvariantCulture), k.Flips.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 Format(k.FlipRate), $"[{Format(k.Low)}, {Format(k.High)}]"]));
        var examples = result.Kinds.SelectMany(k => k.Examples.Select(e => (k.Kind, e))).ToList();
        if (examples.Count == 0) return;
        report.Table(["perturbation", "row", "column", "before", "after", "decision", "score"], examples.Select(p => (IReadOnlyList<string>)
            [p.Kind.Replace('_', ' '), p.e.Row, p.e.Column, p.e.Before, p.e.After, $"{p.e.DecisionBefore} → {p.e.DecisionAfter}", $"{Format(p.e.ScoreBefore)} → {Format(p.e.ScoreAfter)}"]));
        if (result.Kinds.Any(k => k.Kind == PerturbationKind.IrrelevantField.ToName() && k.Flips > 0))
        {
            report.Paragraph("A column the model does not read changed a decision: the model reads a column it should not (a bug).", "bad");
        }
    }
}
