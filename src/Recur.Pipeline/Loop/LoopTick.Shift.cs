using System.Globalization;
using Recur.Core.Monitoring;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Loop;

public static partial class LoopTick
{
    // The audit record of an importance-weighted retrain: the domain classifier, the weights, and both retrains' numbers.
    private static Task<LoopRecord> RecordShiftAsync(LoopAudit audit, ShiftComparison shift, int? version, CancellationToken ct)
    {
        static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var m = shift.Metric;
        var w = shift.Weights;
        var what = $"importance-weighted retrain: {m} {F(shift.Weighted.Value)} [{F(shift.Weighted.Low)}, {F(shift.Weighted.High)}] against plain {F(shift.Plain.Value)} [{F(shift.Plain.Low)}, {F(shift.Plain.High)}] on {shift.HoldoutRows} held-out labelled logged rows";
        var why = $"domain classifier AUC {F(w.Auc)} [{F(w.AucLow)}, {F(w.AucHigh)}]{(w.ShiftDetected ? "" : " (no shift beyond chance)")}; effective sample size {F(w.EffectiveSampleSize)} of {w.Weights.Count} rows; " +
            $"{w.Clipped} ratios clipped to [{F(w.MinWeight)}, {F(w.MaxWeight)}]; gain {F(shift.Gain.Value)} [{F(shift.Gain.Low)}, {F(shift.Gain.High)}] ({shift.Trainer}); the weighted candidate is the one gated";
        return audit.RecordAsync(LoopSteps.ShiftWeighted, what, why, shift.Numbers(), version, ct);
    }
}
