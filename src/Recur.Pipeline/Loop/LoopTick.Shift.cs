using Recur.Core.Monitoring;
using Recur.Pipeline.Jobs;

namespace Recur.Pipeline.Loop;

public static partial class LoopTick
{
    // The audit record of an importance-weighted retrain (in process, or from a worker's retrain result).
    private static Task<LoopRecord> RecordShiftAsync(LoopAudit audit, ShiftAudit shift, int? version, CancellationToken ct) =>
        audit.RecordAsync(LoopSteps.ShiftWeighted, shift.What, shift.Why, new Dictionary<string, double>(shift.Numbers), version, ct);
}
