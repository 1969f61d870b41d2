using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // framing.neutral: what abstaining buys (decided accuracy against the share abstained) and the coverage curve.
    private static void AddNeutral(HtmlReport report, TrainingOutcome outcome)
    {
        if (outcome.Neutral is not { } n) return;
        string Rate(Framing.Neutral.Rate r) => $"{Format(r.Value)} [{Format(r.Low)}, {Format(r.High)}] ({r.Count} of {r.Of})";
        report.Heading("Neutral class")
            .Paragraph($"{n.Mode} ({n.Declared})" + (n.Band is { } b ? $": rows scoring in [{Format(b.Low)}, {Format(b.High)}) are answered neutral" : "") +
                $". On the {n.Rows} evaluation rows: abstained {Rate(n.Abstained)}; decided accuracy {Rate(n.DecidedAccuracy)}" +
                (n.DecidedPrecision is { } p ? $"; precision of the decided positives {Rate(p)}" : "") +
                $"; accuracy when every row is decided {Format(n.AccuracyAllDecided)}.")
            .Table(["abstained", "coverage", "decided accuracy", "precision"], n.Curve.Select(c => (IReadOnlyList<string>)
                [Format(c.Abstained), Format(c.Coverage), Format(c.Accuracy), c.Precision is { } cp ? Format(cp) : "–"]));
    }

    // framing.overfit: the error on the full grid the model was trained on.
    private static void AddGridError(HtmlReport report, TrainingOutcome outcome)
    {
        if (outcome.Overfit is not { } g) return;
        report.Heading("Useful overfitting: error on the full grid")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Trained on every one of the {g.Rows} grid rows ({string.Join(" × ", g.Inputs)}) without hold-out or regularisation. " +
                $"Max absolute error {g.MaxAbsError:G4}, mean {g.MeanAbsError:G4}; {g.Exact} of {g.Rows} grid points ({g.ExactShare:P1}) within {g.Tolerance:G3}. Worst: {g.Worst}."));
    }
}
