using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    /// <summary>Writes a version's model card as <c>card-v{version}.html</c> and returns its path.</summary>
    public static string WriteCard(RecurProject project, ModelCard card, EvaluationOutcome evaluation)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(evaluation);
        var report = new HtmlReport($"Model card: {card.Model} version {card.Version}")
            .Paragraph($"A {card.Task} model, registered {card.Registered:yyyy-MM-dd HH:mm}Z{(card.Aliases.Count > 0 ? $", aliases {string.Join(", ", card.Aliases)}" : "")}.")
            .Heading("Intended use").Paragraph(card.IntendedUse);
        if (card.OutOfScope.Length > 0) report.Paragraph("Out of scope: " + card.OutOfScope);
        if (card.Owners.Count > 0) report.Paragraph("Owners: " + string.Join(", ", card.Owners));
        if (card.Data is { } d)
        {
            report.Heading("Training data")
                .Paragraph($"Snapshot {d.Snapshot[..Math.Min(12, d.Snapshot.Length)]} of dataset '{d.Dataset}' ({d.Rows} rows, {d.Quarantined} quarantined), read from {Path.GetFileName(d.Source)}. Label '{d.Label}'" +
                    (d.Classes.Count > 0 ? $", classes {string.Join(", ", d.Classes)}." : "."))
                .Table(["input", "type"], d.Inputs.Select(p => (IReadOnlyList<string>)[p.Key, p.Value]));
        }
        report.Heading("Performance").Paragraph($"On the {card.EvaluatedOn}, with seeded bootstrap 95% intervals.");
        AddIntervals(report, card.Metrics, evaluation.Task);
        foreach (var line in card.AgainstBaselines) report.Paragraph(line);
        if (evaluation.Diagnostics.Calibration is { } c)
        {
            report.Paragraph($"Calibration: Brier {Format(c.Brier)} [{Format(c.BrierLow)}, {Format(c.BrierHigh)}], expected calibration error {Format(c.Ece)} [{Format(c.EceLow)}, {Format(c.EceHigh)}].");
        }
        if (card.Policy is { } policy) report.Heading("Decision policy").Paragraph(policy);
        AddFairness(report, evaluation.Fairness, evaluation.Data);
        report.Heading("Limitations");
        foreach (var limit in card.Limitations) report.Paragraph(limit);
        if (card.Limitations.Count == 0) report.Paragraph("None stated or found.");
        var l = card.Lineage;
        report.Heading("Lineage").Table(["", ""],
        [
            ["trainer", l.Trainer], ["parameters", string.Join(", ", l.Parameters.Select(p => $"{p.Key}={p.Value}"))],
            ["snapshots", string.Join(", ", l.Snapshots)], ["recur.yaml sha256", l.ConfigHash], ["Recur version", l.CodeVersion],
            ["seed", l.Seed.ToString(CultureInfo.InvariantCulture)], ["drift reference profile", l.ReferenceProfile ?? ""], ["promotion gate", card.Gate],
        ]);
        return Save(project, report, $"card-v{card.Version}.html");
    }
}
