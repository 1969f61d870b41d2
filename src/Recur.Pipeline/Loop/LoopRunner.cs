using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core.Coordination;
using Recur.Core.Project;

namespace Recur.Pipeline.Loop;

/// <summary>
/// Runs the loop's ticks one at a time, in one process of all those sharing the project's store: a tick runs only while
/// this runner holds the lease <c>loop:&lt;model&gt;</c> (<see cref="ILeaseStore"/>), renewed while it ticks and at every
/// tick; a tick asked for while another runs, here or in the lease holder, is skipped (and logged). <see cref="RunAsync"/>
/// ticks every <c>loop.interval</c> on the project's clock until stopped, keeps the lease between ticks, and gives it up
/// when stopped; a replica that stops renewing (killed) loses it after <see cref="LeaseTtl"/>, and the next replica to try
/// takes the loop over. A failed tick is recorded and logged by the tick and the loop goes on.
/// </summary>
public sealed class LoopRunner(RecurProject project)
{
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly ILogger _logger = project.Logging.CreateLogger("Recur.Pipeline.Loop");
    private readonly ILeaseStore _leases = project.Services.GetRequiredService<ILeaseStore>();
    private bool _leading;

    /// <summary>This runner's name as a lease holder (host, process id, a suffix); the audit trail's tick records name it.</summary>
    public string Holder { get; } = LeaseHolder.New();

    /// <summary>The lease's name: <c>loop:&lt;model&gt;</c>.</summary>
    public string LeaseName => $"loop:{project.Config.Name}";

    /// <summary>How long the lease lasts unrenewed: <c>loop.lease_seconds</c>, or max(3 × <c>loop.interval</c>, 10 s).</summary>
    public TimeSpan LeaseTtl => LeaseTtlOf(project.Config.Loop);

    /// <summary>The lease's time to live for a loop configuration.</summary>
    public static TimeSpan LeaseTtlOf(LoopConfig loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        if (loop.LeaseSeconds is { } seconds) return TimeSpan.FromSeconds(seconds);
        var interval = LoopDuration.Parse(loop.Interval, "loop.interval");
        return TimeSpan.FromTicks(Math.Max(3 * interval.Ticks, TimeSpan.FromSeconds(10).Ticks));
    }

    /// <summary>
    /// Runs one tick now; null when another tick is still running (in this process) or another process holds the loop's
    /// lease. With <paramref name="release"/> the lease is given up after the tick (<c>recur loop --once</c>).
    /// </summary>
    public async Task<LoopTickOutcome?> TickAsync(string why, CancellationToken ct = default, bool release = true)
    {
        if (!await _running.WaitAsync(0, ct))
        {
            _logger.LoopTickSkipped(project.Config.Name);
            return null;
        }

        try
        {
            if (!await _leases.TryAcquireAsync(LeaseName, Holder, LeaseTtl, ct))
            {
                if (_leading || release) _logger.LoopStandingBy(project.Config.Name, Holder, (await _leases.ReadAsync(LeaseName, ct))?.Holder ?? "?");
                _leading = false;
                return null;
            }
            if (!_leading && !release) _logger.LoopLeading(project.Config.Name, Holder, LeaseTtl.TotalSeconds);
            _leading = !release;
            // A tick (a retrain in process) may outlast the lease: renew it every third of its life while the tick runs.
            using var ticking = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var renewing = RenewAsync(ticking.Token);
            try
            {
                return await LoopTick.RunAsync(project, $"{why} on {Holder}", ct);
            }
            finally
            {
                await ticking.CancelAsync();
                await renewing;
                if (release) await ReleaseAsync();
            }
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>The lease as stored: who runs the loop, until when.</summary>
    public Task<Lease?> ReadLeaseAsync(CancellationToken ct = default) => _leases.ReadAsync(LeaseName, ct);

    /// <summary>Ticks every <c>loop.interval</c> until <paramref name="stop"/> is cancelled, then gives the lease up.</summary>
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
                    await TickAsync($"every {project.Config.Loop.Interval}", stop, release: false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The tick recorded and logged its failure (or the store did not answer); the next one may well succeed.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseTtl / 3, project.Time, ct);
                await _leases.TryAcquireAsync(LeaseName, Holder, LeaseTtl, ct);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _logger.LoopLeaseFailed(project.Config.Name, e.Message);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            if (await _leases.ReleaseAsync(LeaseName, Holder, CancellationToken.None)) _logger.LoopReleased(project.Config.Name, Holder);
        }
        catch (Exception e)
        {
            // The lease runs out by itself; another replica takes over then.
            _logger.LoopLeaseFailed(project.Config.Name, e.Message);
        }
        _leading = false;
    }
}
