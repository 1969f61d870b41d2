using System.Text.Json;
using System.Text.Json.Serialization;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Modeling;
using Recur.Core.Registry;
using Recur.Pipeline.Reports;

namespace Recur.Pipeline.Steps;

/// <summary>The data a model version learned from, as its card shows it.</summary>
/// <param name="Snapshot">The training snapshot's id.</param>
/// <param name="Dataset">Its dataset.</param>
/// <param name="Rows">Its rows.</param>
/// <param name="Quarantined">Rows quarantined at ingest.</param>
/// <param name="Source">Where it was read from.</param>
/// <param name="Inputs">The model's raw inputs and their types.</param>
/// <param name="Label">The label column.</param>
/// <param name="Classes">The classes (classification).</param>
public sealed record CardData(string Snapshot, string Dataset, long Rows, long Quarantined, string Source, IReadOnlyDictionary<string, string> Inputs, string Label, IReadOnlyList<string> Classes);

/// <summary>
/// A model card (Mitchell et al., 2019) for one registered version: what it is for (from recur.yaml <c>card:</c>), the
/// data, its metrics with intervals and against the heuristic baselines, calibration, its decision policy, the limits
/// Recur found (the slices where it errs most), and its lineage. Written as HTML and JSON beside the reports.
/// </summary>
public sealed record ModelCard(
    string Model,
    int Version,
    string Task,
    IReadOnlyList<string> Aliases,
    DateTimeOffset Registered,
    string IntendedUse,
    string OutOfScope,
    IReadOnlyList<string> Owners,
    CardData? Data,
    string EvaluatedOn,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<string> AgainstBaselines,
    IReadOnlyList<string> Limitations,
    string? Policy,
    IReadOnlyList<string> Fairness,
    string Gate,
    ModelLineage Lineage)
{
    /// <summary>The HTML card's path.</summary>
    public string Html { get; init; } = "";

    /// <summary>The JSON card's path.</summary>
    public string Json { get; init; } = "";
}

/// <summary>Builds and writes a version's model card from the registry, its training snapshot and an evaluation.</summary>
public static class ModelCardStep
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Evaluates the version (as <c>recur eval</c> does) and writes <c>card-vN.html</c> and <c>card-vN.json</c>.</summary>
    public static async Task<ModelCard> WriteAsync(RecurProject project, ModelVersion version, string? data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(version);
        var evaluation = await EvaluationRun.RunAsync(project, version, data, ct);
        var model = await project.Models.LoadAsync(version, ct);
        var plan = model.Manifest.Plan;
        SnapshotInfo? snapshot = version.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(version.Lineage.Snapshots[0], ct) : null;
        var cardData = snapshot is null ? null : new CardData(snapshot.Id, snapshot.Dataset, snapshot.Rows, snapshot.Quarantined, snapshot.Source,
            plan.Features.ToDictionary(f => f.Name, f => f.Type.ToName(), StringComparer.Ordinal), plan.Label, plan.ClassNames);
        var config = project.Config.Card;
        var limits = new List<string>(config.Limitations);
        if (evaluation.Slices is { Slices.Count: > 0 } slices)
        {
            limits.AddRange(slices.Slices.Take(3).Select(s => $"Errs more on {s.Description}: {slices.Measure} {Num(s.Error)} [{Num(s.Low)}, {Num(s.High)}] on {s.Rows} rows, against {Num(s.Rest)} elsewhere."));
        }
        if (evaluation.Diagnostics.Calibration is { Ece: > 0.05 } c) limits.Add($"Its probabilities are not well calibrated (expected calibration error {Num(c.Ece)}): read scores as a ranking, not as frequencies.");
        if (cardData is { Quarantined: > 0 }) limits.Add($"{cardData.Quarantined} rows of the training data were quarantined at ingest and not learned from.");
        var fairness = (evaluation.Fairness?.Attributes ?? []).Select(a =>
            $"By {a.Name}: equalized-odds gap {Cell(a.EqualizedOddsGap.Value)}, demographic-parity gap {Cell(a.DemographicParityGap.Value)}, four-fifths ratio {Cell(a.FourFifths.Ratio.Value)}" +
            (a.FourFifths.Passes is { } passes ? (passes ? " (passes)." : " (fails the four-fifths rule).") : ".")).ToList();
        var policy = evaluation.PolicyOnData is { } p
            ? $"Decides positive at score >= {Num(p.Policy.Threshold)} ({p.Policy.Objective}; revision {evaluation.Policy!.Revision}: {evaluation.Policy.Reason})."
            : plan.Task == ModelTask.Binary ? $"Decides positive at score >= {Num(evaluation.Threshold)} (the threshold it was trained with; no policy recorded)." : null;
        var card = new ModelCard(version.Model, version.Version, plan.Task.ToName(), version.Aliases, version.CreatedAt,
            config.IntendedUse.Length > 0 ? config.IntendedUse : "Not stated (recur.yaml card.intended_use).", config.OutOfScope, config.Owners,
            cardData, evaluation.Data, evaluation.Metrics, [.. evaluation.Baselines.Select(b => $"Against {b.Name}: {b.Comparison}.")], limits, policy, fairness, version.Description, version.Lineage);
        var html = ModelReport.WriteCard(project, card, evaluation);
        var json = Path.Combine(project.ReportsDir, $"card-v{version.Version}.json");
        var temp = json + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(card with { Html = html, Json = json }, Options), ct);
        File.Move(temp, json, overwrite: true);
        return card with { Html = html, Json = json };
    }

    private static string Cell(double? v) => v is { } x ? Num(x) : "not measurable";

    private static string Num(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
