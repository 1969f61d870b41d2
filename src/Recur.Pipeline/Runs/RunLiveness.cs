using System.Diagnostics;
using Recur.Core.Runs;

namespace Recur.Pipeline.Runs;

/// <summary>Whether a run recorded as running is still running: a run whose process is gone from this machine was killed.</summary>
public static class RunLiveness
{
    /// <summary>
    /// The status to show: <see cref="RunStatus.Killed"/> for a "running" run recorded on this machine whose process is gone (or
    /// whose process id now belongs to a process started after the run); the stored status otherwise.
    /// </summary>
    public static string StatusOf(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Status != RunStatus.Running || run.ProcessId is not { } pid || run.Machine != Environment.MachineName) return run.Status;
        return IsAlive(pid, run.Started) ? RunStatus.Running : RunStatus.Killed;
    }

    private static bool IsAlive(int pid, DateTimeOffset started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            // A reused id: that process began after the run did (a second of slack for clock granularity).
            return process.StartTime.ToUniversalTime() <= started.UtcDateTime.AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
