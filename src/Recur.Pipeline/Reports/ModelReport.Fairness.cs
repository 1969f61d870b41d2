using Recur.Evaluation.Fairness;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // The candidate's fairness lens on the evaluation rows, when recur.yaml names sensitive columns.
    private static void AddFairness(HtmlReport report, TrainingOutcome outcome)
    {
        if (outcome.Fairness is null) return;
        report.Heading("Fairness lens")
            .Paragraph("The candidate's decisions on the evaluation rows at the evaluation threshold, per group of each sensitive column.");
        FairnessHtml.AddTo(report, outcome.Fairness);
    }

    // The version's fairness lens on the evaluated rows (recur eval, model cards).
    private static void AddFairness(HtmlReport report, FairnessReport? lens, string rows)
    {
        if (lens is null) return;
        report.Heading("Fairness lens").Paragraph($"The version's decisions on the {rows}, per group of each sensitive column.");
        FairnessHtml.AddTo(report, lens);
    }
}
