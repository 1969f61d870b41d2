using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core.Project;

namespace Recur.Pipeline.Loop;

/// <summary>
/// Runs the loop's ticks one at a time: a tick asked for while another runs is skipped (and logged), never run
/// beside it. <see cref="RunAsync"/> ticks every <c>loop.interval</c> on the project's clock until stopped; a failed
/// tick is recorded and logged by the tick and the loop goes on.
/// </summary>
public sealed class LoopRunner(RecurProject project)
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly ILogger _logger = project.Logging.CreateLogger("Recur.Pipeline.Loop");

    /// <summary>Runs one tick now; null when another tick is still running (in this process or another one of the project).</summary>
    public async Task<LoopTickOutcome?> TickAsync(string why, CancellationToken ct = default)
    {
        if (!await _running.WaitAsync(0, ct))
        {
            _logger.LoopTickSkipped(project.Config.Name);
            return null;
        }

        try
        {
            // Across processes too: recur serve's background loop and a recur loop --once never tick together.
            using var held = TryLock();
            if (held is null)
            {
                _logger.LoopTickSkipped(project.Config.Name);
                return null;
            }
            return await LoopTick.RunAsync(project, why, ct);
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Ticks every <c>loop.interval</c> until <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var interval = LoopDuration.Parse(project.Config.Loop.Interval, "loop.interval");
        _logger.LoopRunning(project.Config.Name, project.Config.Loop.Interval);
        using var timer = new PeriodicTimer(interval, project.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await TickAsync($"every {project.Config.Loop.Interval}", stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The tick recorded and logged its failure; the next one may well succeed.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private FileStream? TryLock()
    {
        var path = Path.Combine(project.Services.GetRequiredService<ProjectLayout>().State, "loop", "tick.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
