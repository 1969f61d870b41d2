using System.Globalization;
using System.Text.Json;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Jobs;

/// <summary>What the loop asks of a <c>retrain</c> job: the same retrain as in process, handed to <c>recur worker</c>.</summary>
/// <param name="PromoteAs">The alias a candidate that passes the gates takes (<c>canary</c>), or null to make it the champion.</param>
/// <param name="ImportanceWeights">Whether to adapt to covariate shift (<c>loop.retrain.importance_weights</c>).</param>
/// <param name="Tick">The loop tick that queued it.</param>
public sealed record RetrainJob(string? PromoteAs, bool ImportanceWeights, long Tick)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The job's payload.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a payload; Invalid naming the job when it is not one.</summary>
    public static RetrainJob Parse(long id, string json) =>
        JsonSerializer.Deserialize<RetrainJob>(json, Json) ?? throw Core.RecurException.Invalid($"job {id}: the payload is not a retrain job: {json}", "payload");
}

/// <summary>What a retrain produced, as the loop needs it to go on (gate, canary, promotion): a job's result, or the in-process retrain's.</summary>
/// <param name="Candidate">The candidate's version (newly registered or the identical one already registered); null when none was registered.</param>
/// <param name="Registered">Whether the candidate is a new version.</param>
/// <param name="Promote">Whether it passed the gates.</param>
/// <param name="GateReason">The gates' reason.</param>
/// <param name="Numbers">Rows and metrics of the candidate, the champion and the baseline.</param>
/// <param name="Report">The training report's path, or null.</param>
/// <param name="Shift">The importance-weighted retrain's audit record (<c>loop.retrain.importance_weights</c>), or null.</param>
public sealed record RetrainResult(int? Candidate, bool Registered, bool Promote, string GateReason, IReadOnlyDictionary<string, double> Numbers, string? Report,
    ShiftAudit? Shift = null)
{
    /// <summary>The result of a training outcome and its report.</summary>
    public static RetrainResult From(TrainingOutcome outcome, string? report)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var metric = outcome.Metric;
        var numbers = new Dictionary<string, double> { ["train_rows"] = outcome.TrainRows, ["evaluation_rows"] = outcome.EvaluationRows, ["gate_attempts"] = outcome.GateAttempts };
        void Add(string prefix, IReadOnlyDictionary<string, double>? metrics)
        {
            foreach (var key in new[] { metric, metric + "_low", metric + "_high" })
            {
                if (metrics is not null && metrics.TryGetValue(key, out var v) && double.IsFinite(v)) numbers[$"{prefix}.{key}"] = v;
            }
        }
        Add("candidate", outcome.Candidate);
        Add("champion", outcome.ChampionMetrics);
        Add("baseline", outcome.Baseline);
        return new RetrainResult(outcome.Registered?.Version ?? outcome.SameAs?.Version, outcome.Registered is not null, outcome.Gate.Promote, outcome.Gate.Reason, numbers, report,
            outcome.Shift is { } shift ? ShiftAudit.From(shift) : null);
    }

    /// <summary>The job result's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RetrainJob.Json);

    /// <summary>Reads a job's result.</summary>
    public static RetrainResult Parse(long id, string? json) =>
        (json is null ? null : JsonSerializer.Deserialize<RetrainResult>(json, RetrainJob.Json)) ?? throw Core.RecurException.Invalid($"job {id}: the result is not a retrain result: {json}", "result");
}

/// <summary>The loop's <c>shift_weighted</c> audit record of an importance-weighted retrain, as text and numbers (so a worker's result carries it).</summary>
/// <param name="What">The weighted and plain retrains' metric, with intervals, on the held-out labelled logged rows.</param>
/// <param name="Why">The domain classifier, the weights and the gain.</param>
/// <param name="Numbers">The comparison's numbers.</param>
public sealed record ShiftAudit(string What, string Why, IReadOnlyDictionary<string, double> Numbers)
{
    /// <summary>The record of a shift comparison.</summary>
    public static ShiftAudit From(ShiftComparison shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var m = shift.Metric;
        var w = shift.Weights;
        var what = $"importance-weighted retrain: {m} {F(shift.Weighted.Value)} [{F(shift.Weighted.Low)}, {F(shift.Weighted.High)}] against plain {F(shift.Plain.Value)} [{F(shift.Plain.Low)}, {F(shift.Plain.High)}] on {shift.HoldoutRows} held-out labelled logged rows";
        var why = $"domain classifier AUC {F(w.Auc)} [{F(w.AucLow)}, {F(w.AucHigh)}]{(w.ShiftDetected ? "" : " (no shift beyond chance)")}; effective sample size {F(w.EffectiveSampleSize)} of {w.Weights.Count} rows; " +
            $"{w.Clipped} ratios clipped to [{F(w.MinWeight)}, {F(w.MaxWeight)}]; gain {F(shift.Gain.Value)} [{F(shift.Gain.Low)}, {F(shift.Gain.High)}] ({shift.Trainer}); the weighted candidate is the one gated";
        return new ShiftAudit(what, why, shift.Numbers());
    }
}
