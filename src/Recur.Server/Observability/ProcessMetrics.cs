using System.Diagnostics;
using Recur.Core.Observability;

namespace Recur.Server.Observability;

/// <summary>The process's CPU, memory, GC and thread-pool figures, read when metrics are scraped (nothing is kept between scrapes).</summary>
internal static class ProcessMetrics
{
    public static void AddTo(RecurMetrics metrics)
    {
        var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        metrics.Observe("process_cpu_seconds_total", "User and system CPU time spent, in seconds.", () => Environment.CpuUsage.TotalTime.TotalSeconds, counter: true);
        metrics.Observe("process_resident_memory_bytes", "Resident memory size, in bytes.", () => Environment.WorkingSet);
        metrics.Observe("process_start_time_seconds", "Start time of the process since the Unix epoch, in seconds.", () => new DateTimeOffset(started).ToUnixTimeMilliseconds() / 1000.0);
        metrics.Observe("dotnet_gc_heap_bytes", "Bytes the garbage collector thinks are allocated.", () => GC.GetTotalMemory(false));
        metrics.Observe("dotnet_gc_collections_total", "Garbage collections of every generation so far.", () => GC.CollectionCount(0), counter: true);
        metrics.Observe("dotnet_threadpool_queue_length", "Work items queued to the thread pool and not yet started.", () => ThreadPool.PendingWorkItemCount);
    }
}
