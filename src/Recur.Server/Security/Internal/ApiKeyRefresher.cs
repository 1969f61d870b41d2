using Microsoft.Extensions.Hosting;

namespace Recur.Server.Security.Internal;

/// <summary>Reads the keys again every <see cref="ApiKeyCache.RefreshEvery"/>, and reports their use: a key's first use at once, later uses every 5 s.</summary>
internal sealed class ApiKeyRefresher(ApiKeyCache cache, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(cache.RefreshEvery, time);
        var reported = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await cache.RefreshAsync(stoppingToken);
                var due = time.GetElapsedTime(reported) >= ReportEvery;
                await cache.ReportUseAsync(due, stoppingToken);
                if (due) reported = time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // The last uses seen before a clean stop are not lost.
        await cache.ReportUseAsync(due: true, CancellationToken.None);
    }
}
