using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of <c>serving.log</c>; each error names its key (the loader adds the line).</summary>
internal static class ServingLogValidation
{
    public static void Validate(ServingLogConfig log)
    {
        if (log.Durability is not (ServingLogConfig.Fsync or ServingLogConfig.None))
        {
            throw RecurException.Invalid($"recur.yaml: serving.log.durability '{log.Durability}' is not a durability (one of: fsync, none)", "serving.log.durability");
        }
        if (string.IsNullOrWhiteSpace(log.Dir)) throw RecurException.Invalid("recur.yaml: serving.log.dir must name a folder", "serving.log.dir");
        if (log.MaxPendingMb < 1) throw RecurException.Invalid($"recur.yaml: serving.log.max_pending_mb must be at least 1, not {log.MaxPendingMb}", "serving.log.max_pending_mb");
        if (log.GroupCommitMaxMs is < 0 or > 1000 or double.NaN)
        {
            throw RecurException.Invalid($"recur.yaml: serving.log.group_commit_max_ms must be in [0, 1000] milliseconds, not {log.GroupCommitMaxMs.ToString(CultureInfo.InvariantCulture)}", "serving.log.group_commit_max_ms");
        }
        if (log.DrainIntervalMs is < 0 or > 60_000 or double.NaN)
        {
            throw RecurException.Invalid($"recur.yaml: serving.log.drain_interval_ms must be in [0, 60000] milliseconds, not {log.DrainIntervalMs.ToString(CultureInfo.InvariantCulture)}", "serving.log.drain_interval_ms");
        }
    }
}
