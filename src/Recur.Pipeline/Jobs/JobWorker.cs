using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Coordination;

namespace Recur.Pipeline.Jobs;

/// <summary>
/// <c>recur worker</c>'s loop: claims the project's oldest ready job under a lease of <see cref="Lease"/>, heartbeats every
/// third of it while the handler runs, and stores the result or the error. A worker killed mid-job stops heartbeating; the
/// job is claimed again once its lease runs out.
/// </summary>
public sealed class JobWorker(RecurProject project, string? name = null)
{
    private readonly IJobQueue _jobs = project.Services.GetRequiredService<IJobQueue>();
    private readonly ILogger _logger = project.Logging.CreateLogger("Recur.Pipeline.Jobs");

    /// <summary>The worker's name in the queue (host, process id, a suffix).</summary>
    public string Name { get; } = name ?? LeaseHolder.New();

    /// <summary>How long a claim lasts without a heartbeat.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Claims and runs one job; null when none is ready.</summary>
    public async Task<JobRecord?> RunOneAsync(CancellationToken ct)
    {
        var job = await _jobs.ClaimAsync(Name, project.Config.Name, Lease, [.. JobHandlers.All.Keys], ct);
        if (job is null) return null;
        _logger.JobClaimed(Name, job.Id, job.Kind, job.Model, job.Attempts);
        var clock = Stopwatch.StartNew();
        using var working = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(job.Id, working.Token);
        string? result = null;
        string? error = null;
        try
        {
            result = await JobHandlers.All[job.Kind].RunAsync(project, job, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            error = e is RecurException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            await working.CancelAsync();
            await heartbeat;
        }
        var kept = result is not null ? await _jobs.CompleteAsync(job.Id, Name, result, CancellationToken.None) : await _jobs.FailAsync(job.Id, Name, error!, CancellationToken.None);
        if (!kept) _logger.JobLost(job.Id, Name);
        else if (error is null) _logger.JobDone(job.Id, job.Kind, clock.Elapsed.TotalSeconds);
        else _logger.JobFailed(job.Id, job.Kind, error);
        return await _jobs.FindAsync(job.Id, CancellationToken.None);
    }

    /// <summary>Runs jobs until <paramref name="stop"/>, looking for one every <paramref name="poll"/> when the queue is empty.</summary>
    public async Task RunAsync(TimeSpan poll, Action<JobRecord>? finished, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                JobRecord? job = null;
                try
                {
                    job = await RunOneAsync(stop);
                }
                catch (RecurException e)
                {
                    // The store is away (a database restart): wait and try again rather than exit.
                    _logger.StoreFailed(Name, e.Message);
                }
                if (job is not null) finished?.Invoke(job);
                else await Task.Delay(poll, project.Time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task HeartbeatAsync(long id, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, project.Time, ct);
                try
                {
                    if (!await _jobs.HeartbeatAsync(id, Name, Lease, ct)) return;
                }
                catch (RecurException e)
                {
                    // The next heartbeat may get through before the lease runs out.
                    _logger.StoreFailed(Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
